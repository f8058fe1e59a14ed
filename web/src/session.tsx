// Who is signed in. On load the app asks GET /api/v1/session (the cookie may
// still be valid after a reload); a 401 from any request shows the sign-in form.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { ApiError, request, setCsrfToken, whenUnauthenticated, type Session } from "./api";

type State =
  | { kind: "loading" }
  | { kind: "signedOut"; expired: boolean }
  | { kind: "signedIn"; session: Session };

interface SessionContextValue {
  state: State;
  demo: boolean; // from /healthz, known before sign-in
  signIn: (username: string, password: string, code: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

function signedIn(session: Session): State {
  if (session.csrf_token) setCsrfToken(session.csrf_token);
  return { kind: "signedIn", session };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ kind: "loading" });
  const [demo, setDemo] = useState(false);

  useEffect(() => {
    whenUnauthenticated(() => setState({ kind: "signedOut", expired: true }));
    request<{ demo?: boolean }>("GET", "/healthz")
      .then((health) => setDemo(health.demo === true))
      .catch(() => setDemo(false));
    request<Session>("GET", "/api/v1/session")
      .then(signedIn)
      .then(setState)
      .catch(() => setState({ kind: "signedOut", expired: false }));
  }, []);

  const signIn = useCallback(async (username: string, password: string, code: string) => {
    const body: Record<string, string> = { username, password };
    if (code) body.totp_code = code;
    const session = await request<Session>("POST", "/api/v1/session", body);
    setDemo(session.demo);
    setState(signedIn(session));
  }, []);

  const signOut = useCallback(async () => {
    try {
      await request<void>("DELETE", "/api/v1/session");
    } catch (error) {
      if (!(error instanceof ApiError && error.code === "unauthenticated")) throw error;
    }
    setCsrfToken("");
    setState({ kind: "signedOut", expired: false });
  }, []);

  return <SessionContext.Provider value={{ state, demo, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}
