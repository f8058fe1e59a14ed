// The audit trail for auditors (GET /api/v1/audit): who did what to whose
// data, when, for which purpose and on which legal basis, and what was
// refused. Searched by person, user, unit and period, oldest first; reading
// the trail is itself logged.
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { errorText, request, type AuditEntry } from "../api";
import { formatDateTime } from "../i18n";

export function AuditPage() {
  const { t } = useTranslation();
  const [person, setPerson] = useState("");
  const [user, setUser] = useState("");
  const [unit, setUnit] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [limit, setLimit] = useState("100");
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState("");
  const [working, setWorking] = useState(false);

  async function search(event: FormEvent) {
    event.preventDefault();
    if (person && !/^[1-9]\d*$/.test(person)) return setError(t("audit.personNumber"));
    const query = new URLSearchParams({ limit });
    if (person) query.set("person", person);
    if (user.trim()) query.set("user", user.trim());
    if (unit.trim()) query.set("unit", unit.trim());
    if (from) query.set("from", from);
    if (to) query.set("to", to);
    setWorking(true);
    setError("");
    try {
      setEntries((await request<{ items: AuditEntry[] }>("GET", `/api/v1/audit?${query}`)).items);
    } catch (failure) {
      setError(errorText(t, failure));
    } finally {
      setWorking(false);
    }
  }

  return (
    <main id="main">
      <h1>{t("audit.title")}</h1>
      <p>{t("audit.intro")}</p>
      <form className="panel form form--grid" onSubmit={search} noValidate>
        <label htmlFor="audit-person">{t("audit.person")}</label>
        <input id="audit-person" inputMode="numeric" value={person} onChange={(event) => setPerson(event.target.value.trim())} />
        <label htmlFor="audit-user">{t("audit.user")}</label>
        <input id="audit-user" value={user} onChange={(event) => setUser(event.target.value)} />
        <label htmlFor="audit-unit">{t("audit.unit")}</label>
        <input id="audit-unit" value={unit} onChange={(event) => setUnit(event.target.value)} />
        <label htmlFor="audit-from">{t("audit.from")}</label>
        <input id="audit-from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        <label htmlFor="audit-to">{t("audit.to")}</label>
        <input id="audit-to" type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        <label htmlFor="audit-limit">{t("audit.limit")}</label>
        <select id="audit-limit" value={limit} onChange={(event) => setLimit(event.target.value)}>
          {["50", "100", "500"].map((choice) => <option key={choice} value={choice}>{choice}</option>)}
        </select>
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" disabled={working}>{t("audit.search")}</button>
      </form>
      {entries && (entries.length === 0 ? <p role="status">{t("audit.none")}</p> : (
        <>
          <p role="status">
            {entries.length === Number(limit) ? t("audit.limited", { count: entries.length }) : t("audit.found", { count: entries.length })}
          </p>
          <table data-testid="audit-entries">
            <thead>
              <tr>
                <th scope="col">{t("audit.at")}</th>
                <th scope="col">{t("audit.user")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.resource")}</th>
                <th scope="col">{t("audit.purposeBasis")}</th>
                <th scope="col">{t("audit.outcome")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.sequence} className={entry.outcome === "denied" ? "overdue" : undefined}>
                  <td>{formatDateTime(entry.at)}</td>
                  <td>{entry.user} ({entry.unit})</td>
                  <td>{t(`auditAction.${entry.action}`, entry.action)}</td>
                  <td>{entry.resource}{entry.person_id !== null && ` · ${t("common.person", { id: entry.person_id })}`}</td>
                  <td>{t(`purpose.${entry.purpose}`, entry.purpose)}{entry.legal_basis && ` · ${entry.legal_basis}`}</td>
                  <td>
                    {entry.outcome === "denied" ? t("audit.denied") : t("audit.allowed")}
                    {entry.reason && ` (${t(`auditReason.${entry.reason}`, entry.reason)})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ))}
    </main>
  );
}
