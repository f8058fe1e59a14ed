// Sign-in with user name, password and TOTP code (docs/sign-in.md). Errors
// are shown in Danish from the API's code; the form keeps what was typed,
// except the code, which is single-use.
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../api";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { useSession } from "../session";

export function SignIn({ expired }: { expired: boolean }) {
  const { t } = useTranslation();
  const { signIn, demo } = useSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [error, setError] = useState(expired ? t("errors.unauthenticated") : "");
  const [working, setWorking] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!username.trim()) return setError(t("validation.required", { field: t("signIn.username") }));
    if (!password) return setError(t("validation.required", { field: t("signIn.password") }));
    if (code && !/^\d{6}$/.test(code)) return setError(t("validation.code"));
    setWorking(true);
    setError("");
    try {
      await signIn(username.trim(), password, code);
    } catch (failure) {
      setError(errorText(t, failure));
      setCode("");
      codeInput.current?.focus();
    } finally {
      setWorking(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <div className="sign-in__language">
        <LanguageSwitch />
      </div>
      <h1>{t("signIn.title")}</h1>
      <p>{t("signIn.intro")}</p>
      <form onSubmit={submit} noValidate>
        <label htmlFor="username">{t("signIn.username")}</label>
        <input id="username" name="username" autoComplete="username" value={username}
          onChange={(event) => setUsername(event.target.value)} required autoFocus />
        <label htmlFor="password">{t("signIn.password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" value={password}
          onChange={(event) => setPassword(event.target.value)} required />
        <label htmlFor="code">{t("signIn.code")}</label>
        <input id="code" name="code" ref={codeInput} inputMode="numeric" autoComplete="one-time-code"
          pattern="[0-9]{6}" maxLength={6} value={code} aria-describedby="code-hint"
          onChange={(event) => setCode(event.target.value.replace(/\s/g, ""))} />
        <p id="code-hint" className="hint">{t("signIn.codeHint")}</p>
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" disabled={working}>{working ? t("signIn.working") : t("signIn.submit")}</button>
      </form>
      {demo && <p className="hint">{t("signIn.demoHint")}</p>}
    </main>
  );
}
