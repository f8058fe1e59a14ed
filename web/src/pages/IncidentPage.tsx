// One incident and its response log, kept live: while the incident is open
// and the page is visible, the log is asked for again every 15 seconds —
// through the incident list, which names nobody (one audit entry with no
// person), not the incident itself (one entry per person for the police).
// Logging a response and closing with an after-action note.
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import {
  ApiError, can, errorText, localNow, request, responseRoles, toInstant, type Incident, type Session,
} from "../api";
import { formatDateTime } from "../i18n";
import { labelText } from "../labels";

const refreshSeconds = 15;

export function IncidentPage({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const [incident, setIncident] = useState<Incident | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [notice, setNotice] = useState("");
  const path = `/api/v1/incidents/${encodeURIComponent(id ?? "")}`;

  const load = useCallback(() => {
    request<Incident>("GET", path)
      .then((value) => {
        setIncident(value);
        setLoadError(null);
      })
      .catch(setLoadError);
  }, [path]);
  useEffect(load, [load]);
  const open = incident !== null && incident.closed_at === null;
  const occurredAt = incident?.occurred_at;
  useEffect(() => {
    if (!open || !occurredAt) return;
    const refresh = () => {
      if (document.visibilityState !== "visible") return;
      request<{ items: Incident[] }>("GET", `/api/v1/incidents?from=${occurredAt}&limit=500`)
        .then((page) => {
          const fresh = page.items.find((item) => String(item.id) === id);
          if (fresh) {
            setIncident((current) => current && {
              ...current, responses: fresh.responses, minutes_to_first_response: fresh.minutes_to_first_response,
              closed_at: fresh.closed_at, after_action_note: fresh.after_action_note,
            });
          }
        })
        .catch(() => {}); // the next refresh tries again; a lost session shows the sign-in form
    };
    const timer = window.setInterval(refresh, refreshSeconds * 1000);
    return () => window.clearInterval(timer);
  }, [open, occurredAt, id]);

  if (loadError && !incident) {
    return (
      <main id="main">
        <h1>{t("incidents.one")}</h1>
        <p role="alert">{errorText(t, loadError)}</p>
      </main>
    );
  }
  if (!incident) return <main id="main"><p role="status">{t("common.loading")}</p></main>;
  const unitName = (unitId: string | null) =>
    unitId ? labelText(session.units.find((unit) => unit.id === unitId), unitId, i18n.language) : "—";
  const saved = (text: string) => {
    setNotice(text);
    load();
  };
  return (
    <main id="main">
      <h1>{t("incidents.heading", { kind: t(`incidentKind.${incident.kind}`), place: incident.place })}</h1>
      <p role="status" className={notice ? "notice" : undefined}>{notice}</p>
      <dl className="facts">
        <dt>{t("incidents.when")}</dt>
        <dd>{formatDateTime(incident.occurred_at)}</dd>
        <dt>{t("incidents.area")}</dt>
        <dd>{incident.area_id ? session.areas.find((area) => area.id === incident.area_id)?.name ?? incident.area_id : "—"}</dd>
        <dt>{t("incidents.involved")}</dt>
        <dd>
          {incident.withheld
            ? t("incidents.involvedWithheld", { persons: incident.person_count, groups: incident.group_count })
            : t("incidents.involvedCount", { persons: incident.person_count, groups: incident.group_count })}
          {(incident.person_ids ?? []).length > 0 && (
            <ul data-testid="incident-persons">
              {incident.person_ids!.map((personId) => (
                <li key={personId}><Link to={`/persons/${personId}`}>{t("common.person", { id: personId })}</Link></li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t("incidents.recordedBy")}</dt>
        <dd>{unitName(incident.recorded_by_unit_id)}</dd>
        <dt>{t("incidents.state")}</dt>
        <dd data-testid="incident-state">
          {incident.closed_at ? t("incidents.closedAt", { at: formatDateTime(incident.closed_at) }) : t("incidents.open")}
        </dd>
      </dl>
      <section className="panel" aria-labelledby="log-title">
        <h2 id="log-title">{t("incidents.log")}</h2>
        {open && <p className="hint">{t("incidents.live", { seconds: refreshSeconds })}</p>}
        {incident.responses.length === 0 ? <p>{t("incidents.noResponses")}</p> : (
          <ol data-testid="response-log">
            {incident.responses.map((response, index) => (
              <li key={index}>
                <time dateTime={response.at}>{formatDateTime(response.at)}</time> · {t(`responseRole.${response.role}`)} ·{" "}
                {unitName(response.unit_id)}{response.note && ` · ${response.note}`}
              </li>
            ))}
          </ol>
        )}
        <h3>{t("incidents.firstResponse")}</h3>
        <dl className="facts">
          {responseRoles.map((role) => (
            <div key={role} className="fact-row">
              <dt>{t(`responseRole.${role}`)}</dt>
              <dd>
                {incident.minutes_to_first_response[role] === null
                  ? t("incidents.notYet")
                  : t("incidents.minutes", { count: incident.minutes_to_first_response[role]! })}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      {incident.after_action_note && (
        <section className="panel" aria-labelledby="after-action-title">
          <h2 id="after-action-title">{t("incidents.afterAction")}</h2>
          <p>{incident.after_action_note}</p>
        </section>
      )}
      {open && can(session, "write:incident") && <ResponseForm incident={incident} session={session} onSaved={saved} />}
      {open && can(session, "write:incident") && <CloseIncidentForm incident={incident} onSaved={saved} />}
    </main>
  );
}

function ResponseForm({ incident, session, onSaved }: { incident: Incident; session: Session; onSaved: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const [role, setRole] = useState("ssp");
  const [at, setAt] = useState(localNow());
  const [unitId, setUnitId] = useState(session.user.unit_id);
  const [note, setNote] = useState("");
  const [error, setError] = useState("");
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!at) return setError(t("validation.required", { field: t("incidents.responseAt") }));
    try {
      const body: Record<string, unknown> = { role, at: toInstant(at), unit_id: unitId };
      if (note.trim()) body.note = note.trim();
      await request("POST", `/api/v1/incidents/${incident.id}/responses`, body);
      setNote("");
      setAt(localNow()); // the next response gets its own time, not this one's
      setError("");
      onSaved(t("incidents.responseSaved"));
    } catch (failure) {
      setError(failure instanceof ApiError && failure.reason === "not_owner" ? t("incidents.notOwner") : errorText(t, failure));
    }
  }
  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="response-form-title" noValidate>
      <h2 id="response-form-title">{t("incidents.responseTitle")}</h2>
      <label htmlFor="response-role">{t("incidents.role")}</label>
      <select id="response-role" value={role} onChange={(event) => setRole(event.target.value)}>
        {responseRoles.map((each) => <option key={each} value={each}>{t(`responseRole.${each}`)}</option>)}
      </select>
      <label htmlFor="response-at">{t("incidents.responseAt")}</label>
      <input id="response-at" type="datetime-local" value={at} onChange={(event) => setAt(event.target.value)} />
      <label htmlFor="response-unit">{t("incidents.unit")}</label>
      <select id="response-unit" value={unitId} onChange={(event) => setUnitId(event.target.value)}>
        {session.units.map((unit) => <option key={unit.id} value={unit.id}>{labelText(unit, unit.id, i18n.language)}</option>)}
      </select>
      <label htmlFor="response-note">{t("measure.note")}</label>
      <input id="response-note" value={note} onChange={(event) => setNote(event.target.value)} />
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit">{t("incidents.logResponse")}</button>
    </form>
  );
}

function CloseIncidentForm({ incident, onSaved }: { incident: Incident; onSaved: (text: string) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState("");
  const [error, setError] = useState("");
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!note.trim()) return setError(t("validation.required", { field: t("incidents.afterAction") }));
    try {
      await request("POST", `/api/v1/incidents/${incident.id}/close`, { after_action_note: note.trim() });
      onSaved(t("incidents.closedNotice"));
    } catch (failure) {
      setError(failure instanceof ApiError && failure.reason === "not_owner" ? t("incidents.notOwner") : errorText(t, failure));
    }
  }
  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="close-incident-title" noValidate>
      <h2 id="close-incident-title">{t("incidents.closeTitle")}</h2>
      <label htmlFor="after-action">{t("incidents.afterAction")}</label>
      <textarea id="after-action" rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit">{t("incidents.close")}</button>
    </form>
  );
}
