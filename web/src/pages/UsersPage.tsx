// The users, for administrators (GET /api/v1/users): name, unit, roles and
// whether the account is disabled. Accounts are created and changed with
// `trygnet user` on the server (docs/cli.md), which the page says.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, request, type Session, type User } from "../api";
import { labelText } from "../labels";

export function UsersPage({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const [users, setUsers] = useState<User[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    request<{ items: User[] }>("GET", "/api/v1/users").then((page) => setUsers(page.items)).catch(setError);
  }, []);
  return (
    <main id="main">
      <h1>{t("users.title")}</h1>
      <p>{t("users.intro")}</p>
      <pre className="command">{[
        "trygnet user add --db FILE --username U --name NAME --unit UNIT --role ROLE",
        "trygnet user disable --db FILE --username U",
        "trygnet user enable --db FILE --username U",
        "trygnet user reset-password --db FILE --username U",
        "trygnet user reset-totp --db FILE --username U",
      ].join("\n")}</pre>
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
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
