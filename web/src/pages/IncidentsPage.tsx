// Incidents (p.12: rapid response to violent conflicts): the ones the user's
// organisation holds, newest first, open ones by default, and recording a new
// one. The persons and groups involved are police data: only the police name
// them (the API refuses others).
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { can, errorText, localNow, request, toInstant, type Incident, type Session } from "../api";
import { formatDateTime } from "../i18n";

type Load = { kind: "loading" } | { kind: "failed"; error: unknown } | { kind: "loaded"; items: Incident[] };

export function IncidentsPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [onlyOpen, setOnlyOpen] = useState(true);
  const [load, setLoad] = useState<Load>({ kind: "loading" });

  useEffect(() => {
    let live = true;
    setLoad({ kind: "loading" });
    request<{ items: Incident[] }>("GET", `/api/v1/incidents?limit=100${onlyOpen ? "&open=true" : ""}`)
      .then((page) => live && setLoad({ kind: "loaded", items: page.items }))
      .catch((error) => live && setLoad({ kind: "failed", error }));
    return () => {
      live = false;
    };
  }, [onlyOpen]);

  const areaName = (id: string | null) => (id ? session.areas.find((area) => area.id === id)?.name ?? id : "—");
  return (
    <main id="main">
      <h1>{t("incidents.title")}</h1>
      <p>{t("incidents.intro")}</p>
      <label className="choice">
        <input type="checkbox" checked={onlyOpen} onChange={(event) => setOnlyOpen(event.target.checked)} />
        {t("incidents.onlyOpen")}
      </label>
      {load.kind === "loading" && <p role="status">{t("common.loading")}</p>}
      {load.kind === "failed" && <p role="alert">{errorText(t, load.error)}</p>}
      {load.kind === "loaded" &&
        (load.items.length === 0 ? <p>{t("incidents.none")}</p> : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("incidents.when")}</th>
                <th scope="col">{t("incidents.kind")}</th>
                <th scope="col">{t("incidents.place")}</th>
                <th scope="col">{t("incidents.responses")}</th>
                <th scope="col">{t("incidents.state")}</th>
              </tr>
            </thead>
            <tbody>
              {load.items.map((incident) => (
                <tr key={incident.id}>
                  <td><Link to={`/incidents/${incident.id}`}>{formatDateTime(incident.occurred_at)}</Link></td>
                  <td>{t(`incidentKind.${incident.kind}`)}</td>
                  <td>{incident.place} ({areaName(incident.area_id)})</td>
                  <td>{incident.responses.length}</td>
                  <td>{incident.closed_at ? t("incidents.closed") : t("incidents.open")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {can(session, "write:incident") && <NewIncidentForm session={session} />}
    </main>
  );
}

function NewIncidentForm({ session }: { session: Session }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [kind, setKind] = useState("violent_conflict");
  const [occurredAt, setOccurredAt] = useState(localNow());
  const [place, setPlace] = useState("");
  const [areaId, setAreaId] = useState("");
  const [error, setError] = useState("");
  const [working, setWorking] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!place.trim()) return setError(t("validation.required", { field: t("incidents.place") }));
    if (!occurredAt) return setError(t("validation.required", { field: t("incidents.when") }));
    setWorking(true);
    setError("");
    try {
      const body: Record<string, unknown> = { kind, occurred_at: toInstant(occurredAt), place: place.trim() };
      if (areaId) body.area_id = areaId;
      const made = await request<Incident>("POST", "/api/v1/incidents", body);
      navigate(`/incidents/${made.id}`);
    } catch (failure) {
      setError(errorText(t, failure));
      setWorking(false);
    }
  }

  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="new-incident-title" noValidate>
      <h2 id="new-incident-title">{t("incidents.newTitle")}</h2>
      <label htmlFor="incident-kind">{t("incidents.kind")}</label>
      <select id="incident-kind" value={kind} onChange={(event) => setKind(event.target.value)}>
        <option value="violent_conflict">{t("incidentKind.violent_conflict")}</option>
        <option value="public_gathering">{t("incidentKind.public_gathering")}</option>
      </select>
      <label htmlFor="incident-at">{t("incidents.when")}</label>
      <input id="incident-at" type="datetime-local" value={occurredAt} onChange={(event) => setOccurredAt(event.target.value)} />
      <label htmlFor="incident-place">{t("incidents.place")}</label>
      <input id="incident-place" value={place} onChange={(event) => setPlace(event.target.value)} />
      <label htmlFor="incident-area">{t("incidents.area")}</label>
      <select id="incident-area" value={areaId} onChange={(event) => setAreaId(event.target.value)}>
        <option value="">{t("incidents.noArea")}</option>
        {session.areas.map((area) => <option key={area.id} value={area.id}>{area.name}</option>)}
      </select>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" disabled={working}>{t("incidents.record")}</button>
    </form>
  );
}
