// User administration for administrators: the users with their units and
// roles; creating an account, disabling and enabling it, a new password and a
// new second factor (POST /api/v1/users…). A password or authenticator
// address is shown once, here, and never again; each change is audited.
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { can, errorText, request, type Session, type User } from "../api";
import { labelText } from "../labels";

const roles = ["analyst", "caseworker", "coordinator", "steering_member", "administrator", "auditor", "external_partner"];

interface UserChange {
  user: User;
  password?: string;
  otpauth_uri?: string;
}

export function UsersPage({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const [users, setUsers] = useState<User[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [shown, setShown] = useState<UserChange | null>(null); // the one-time secrets of the last change
  const [notice, setNotice] = useState("");
  const [actionError, setActionError] = useState("");
  const writable = can(session, "write:user_admin");

  const load = useCallback(() => {
    request<{ items: User[] }>("GET", "/api/v1/users").then((page) => setUsers(page.items)).catch(setError);
  }, []);
  useEffect(load, [load]);

  async function act(username: string, action: string, done: string) {
    setActionError("");
    setShown(null);
    try {
      const change = await request<UserChange>("POST", `/api/v1/users/${encodeURIComponent(username)}/${action}`, {});
      setNotice(t(done, { username }));
      if (change.password || change.otpauth_uri) setShown(change);
      load();
    } catch (failure) {
      setActionError(errorText(t, failure));
    }
  }

  return (
    <main id="main">
      <h1>{t("users.title")}</h1>
      <p>{t("users.intro")}</p>
      <p role="status" className={notice ? "notice" : undefined}>{notice}</p>
      {actionError && <p className="error" role="alert">{actionError}</p>}
      {shown && <Secrets change={shown} />}
      {error !== null && <p role="alert">{errorText(t, error)}</p>}
      {!users && error === null && <p role="status">{t("common.loading")}</p>}
      {users && (
        <table data-testid="users">
          <thead>
            <tr>
              <th scope="col">{t("users.username")}</th>
              <th scope="col">{t("users.name")}</th>
              <th scope="col">{t("users.unit")}</th>
              <th scope="col">{t("users.roles")}</th>
              <th scope="col">{t("users.state")}</th>
              {writable && <th scope="col">{t("users.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.username}>
                <td>{user.username}</td>
                <td>{user.display_name}</td>
                <td>{labelText(session.units.find((unit) => unit.id === user.unit_id), user.unit_id, i18n.language)}</td>
                <td>{user.roles.map((role) => t(`roles.${role}`, role)).join(", ")}</td>
                <td>{user.disabled ? t("users.disabled") : t("users.active")}</td>
                {writable && (
                  <td className="actions">
                    {user.disabled ? (
                      <button type="button" onClick={() => act(user.username, "enable", "users.enabledNotice")}>
                        {t("users.enable")}<span className="visually-hidden"> {user.username}</span>
                      </button>
                    ) : (
                      user.username !== session.user.username && (
                        <button type="button" onClick={() => act(user.username, "disable", "users.disabledNotice")}>
                          {t("users.disable")}<span className="visually-hidden"> {user.username}</span>
                        </button>
                      )
                    )}
                    <button type="button" onClick={() => act(user.username, "reset-password", "users.passwordNotice")}>
                      {t("users.resetPassword")}<span className="visually-hidden"> {user.username}</span>
                    </button>
                    <button type="button" onClick={() => act(user.username, "reset-totp", "users.totpNotice")}>
                      {t("users.resetTotp")}<span className="visually-hidden"> {user.username}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {writable && <NewUserForm session={session} onCreated={(change) => {
        setNotice(t("users.createdNotice", { username: change.user.username }));
        setShown(change);
        load();
      }} />}
    </main>
  );
}

// The password and the authenticator address, shown once.
function Secrets({ change }: { change: UserChange }) {
  const { t } = useTranslation();
  return (
    <section className="panel secrets" aria-labelledby="secrets-title" data-testid="secrets">
      <h2 id="secrets-title">{t("users.secretsTitle", { username: change.user.username })}</h2>
      <p className="warning">{t("users.secretsWarning")}</p>
      <dl className="facts">
        {change.password && (
          <div className="fact-row">
            <dt>{t("users.password")}</dt>
            <dd><code data-testid="new-password">{change.password}</code></dd>
          </div>
        )}
        {change.otpauth_uri && (
          <div className="fact-row">
            <dt>{t("users.authenticator")}</dt>
            <dd><code data-testid="new-otpauth">{change.otpauth_uri}</code></dd>
          </div>
        )}
      </dl>
    </section>
  );
}

function NewUserForm({ session, onCreated }: { session: Session; onCreated: (change: UserChange) => void }) {
  const { t, i18n } = useTranslation();
  const [username, setUsername] = useState("");
  const [name, setName] = useState("");
  const [unitId, setUnitId] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState("");
  const [working, setWorking] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!username.trim()) return setError(t("validation.required", { field: t("users.username") }));
    if (!name.trim()) return setError(t("validation.required", { field: t("users.name") }));
    if (!unitId) return setError(t("validation.required", { field: t("users.unit") }));
    if (chosen.length === 0) return setError(t("users.oneRole"));
    setWorking(true);
    setError("");
    try {
      const change = await request<UserChange>("POST", "/api/v1/users",
        { username: username.trim(), display_name: name.trim(), unit_id: unitId, roles: chosen });
      setUsername("");
      setName("");
      setChosen([]);
      onCreated(change);
    } catch (failure) {
      setError(errorText(t, failure));
    } finally {
      setWorking(false);
    }
  }

  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="new-user-title" noValidate>
      <h2 id="new-user-title">{t("users.newTitle")}</h2>
      <label htmlFor="new-username">{t("users.username")}</label>
      <input id="new-username" value={username} aria-describedby="username-hint" onChange={(event) => setUsername(event.target.value)} />
      <p id="username-hint" className="hint">{t("users.usernameHint")}</p>
      <label htmlFor="new-name">{t("users.name")}</label>
      <input id="new-name" value={name} onChange={(event) => setName(event.target.value)} />
      <label htmlFor="new-unit">{t("users.unit")}</label>
      <select id="new-unit" value={unitId} onChange={(event) => setUnitId(event.target.value)}>
        <option value="">{t("registration.choose")}</option>
        {session.units.map((unit) => <option key={unit.id} value={unit.id}>{labelText(unit, unit.id, i18n.language)}</option>)}
      </select>
      <fieldset>
        <legend>{t("users.roles")}</legend>
        {roles.map((role) => (
          <label key={role} className="choice">
            <input type="checkbox" checked={chosen.includes(role)} onChange={(event) =>
              setChosen((current) => (event.target.checked ? [...current, role] : current.filter((each) => each !== role)))} />
            {t(`roles.${role}`)}
          </label>
        ))}
      </fieldset>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" disabled={working}>{t("users.create")}</button>
    </form>
  );
}
