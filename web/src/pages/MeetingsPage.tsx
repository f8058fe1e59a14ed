// The partnership's meetings (p.13–15): each meeting type against its cadence
// this year (GET /api/v1/meetings/due decides what is due), the meetings held,
// and recording one with its minutes and decisions — a focus decision of the
// strategic steering group changes an area's geographic focus.
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import {
  can, decisionKinds, errorText, request, type Decision, type DecisionKind, type Meeting, type MeetingDue, type Session,
} from "../api";
import { formatDate, today } from "../i18n";
import { labelText } from "../labels";

type Load = { kind: "loading" } | { kind: "failed"; error: unknown } | { kind: "loaded"; due: MeetingDue[]; held: Meeting[] };

export function MeetingsPage({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const [load, setLoad] = useState<Load>({ kind: "loading" });

  useEffect(() => {
    let live = true;
    Promise.all([
      request<{ items: MeetingDue[] }>("GET", "/api/v1/meetings/due"),
      request<{ items: Meeting[] }>("GET", "/api/v1/meetings?limit=100"),
    ])
      .then(([due, held]) => live && setLoad({ kind: "loaded", due: due.items, held: held.items }))
      .catch((error) => live && setLoad({ kind: "failed", error }));
    return () => {
      live = false;
    };
  }, []);

  if (load.kind !== "loaded") {
    return (
      <main id="main">
        <h1>{t("meetings.title")}</h1>
        {load.kind === "loading" ? <p role="status">{t("common.loading")}</p> : <p role="alert">{errorText(t, load.error)}</p>}
      </main>
    );
  }
  const typeName = (id: string) => {
    const type = load.due.find((each) => each.meeting_type_id === id);
    return type ? labelText({ id, name: type.name, name_en: type.name_en }, id, i18n.language) : id;
  };
  return (
    <main id="main">
      <h1>{t("meetings.title")}</h1>
      <section className="panel" aria-labelledby="due-title">
        <h2 id="due-title">{t("meetings.dueTitle", { year: load.due[0]?.year ?? "" })}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("meetings.type")}</th>
              <th scope="col">{t("meetings.heldThisYear")}</th>
              <th scope="col">{t("meetings.cadence")}</th>
              <th scope="col">{t("meetings.nextDue")}</th>
              <th scope="col">{t("meetings.status")}</th>
            </tr>
          </thead>
          <tbody>
            {load.due.map((item) => (
              <tr key={item.meeting_type_id} className={item.status === "overdue" ? "overdue" : undefined}>
                <td>{typeName(item.meeting_type_id)}</td>
                <td>{item.held_this_year}</td>
                <td>
                  {item.min_per_year === null
                    ? t("meetingStatus.as_needed")
                    : t("meetings.perYear", { min: item.min_per_year, max: item.max_per_year ?? "—" })}
                </td>
                <td>{item.next_due_on ? formatDate(item.next_due_on) : "—"}</td>
                <td>{t(`meetingStatus.${item.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="held-title">
        <h2 id="held-title">{t("meetings.heldTitle")}</h2>
        {load.held.length === 0 ? <p>{t("meetings.none")}</p> : (
          <ul>
            {load.held.map((meeting) => (
              <li key={meeting.id}>
                <Link to={`/meetings/${meeting.id}`}>{formatDate(meeting.held_on)}: {typeName(meeting.meeting_type_id)}</Link>
                {meeting.decisions.length > 0 && ` · ${t("meetings.decisionCount", { count: meeting.decisions.length })}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      {can(session, "write:meeting") && <NewMeetingForm session={session} types={load.due} typeName={typeName} />}
    </main>
  );
}

function NewMeetingForm({ session, types, typeName }: {
  session: Session; types: MeetingDue[]; typeName: (id: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [typeId, setTypeId] = useState("");
  const [heldOn, setHeldOn] = useState(today());
  const [units, setUnits] = useState<string[]>([session.user.unit_id]);
  const [minutes, setMinutes] = useState("");
  const [decisions, setDecisions] = useState<Decision[]>([]);
  const [error, setError] = useState("");
  const [working, setWorking] = useState(false);

  const change = (index: number, patch: Partial<Decision>) =>
    setDecisions((current) => current.map((decision, at) => (at === index ? { ...decision, ...patch } : decision)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!typeId) return setError(t("validation.required", { field: t("meetings.type") }));
    if (units.length === 0) return setError(t("meetings.oneUnit"));
    const emptyDecision = decisions.findIndex((decision) => !decision.text.trim());
    if (emptyDecision >= 0) return setError(t("meetings.decisionText", { number: emptyDecision + 1 }));
    setWorking(true);
    setError("");
    try {
      const made = await request<Meeting>("POST", "/api/v1/meetings", {
        meeting_type_id: typeId,
        held_on: heldOn,
        attending_unit_ids: units,
        minutes,
        decisions: decisions.map((decision) =>
          decision.kind === "general"
            ? { kind: decision.kind, text: decision.text.trim() }
            : { kind: decision.kind, text: decision.text.trim(), area_id: decision.area_id, effective_on: decision.effective_on }),
      });
      navigate(`/meetings/${made.id}`);
    } catch (failure) {
      setError(errorText(t, failure));
      setWorking(false);
    }
  }

  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="new-meeting-title" noValidate>
      <h2 id="new-meeting-title">{t("meetings.newTitle")}</h2>
      <label htmlFor="meeting-type">{t("meetings.type")}</label>
      <select id="meeting-type" value={typeId} onChange={(event) => setTypeId(event.target.value)}>
        <option value="">{t("registration.choose")}</option>
        {types.map((type) => <option key={type.meeting_type_id} value={type.meeting_type_id}>{typeName(type.meeting_type_id)}</option>)}
      </select>
      <label htmlFor="meeting-held-on">{t("meetings.heldOn")}</label>
      <input id="meeting-held-on" type="date" value={heldOn} max={today()} onChange={(event) => setHeldOn(event.target.value)} />
      <fieldset>
        <legend>{t("meetings.attending")}</legend>
        {session.units.map((unit) => (
          <label key={unit.id} className="choice">
            <input type="checkbox" checked={units.includes(unit.id)} onChange={(event) =>
              setUnits((current) => (event.target.checked ? [...current, unit.id] : current.filter((id) => id !== unit.id)))} />
            {labelText(unit, unit.id, i18n.language)}
          </label>
        ))}
      </fieldset>
      <label htmlFor="meeting-minutes">{t("meetings.minutes")}</label>
      <textarea id="meeting-minutes" rows={4} value={minutes} onChange={(event) => setMinutes(event.target.value)} />
      {decisions.map((decision, index) => (
        <fieldset key={index} data-testid="decision">
          <legend>{t("meetings.decision", { number: index + 1 })}</legend>
          <label htmlFor={`decision-kind-${index}`}>{t("meetings.decisionKind")}</label>
          <select id={`decision-kind-${index}`} value={decision.kind}
            onChange={(event) => change(index, { kind: event.target.value as DecisionKind })}>
            {decisionKinds.map((kind) => <option key={kind} value={kind}>{t(`decisionKind.${kind}`)}</option>)}
          </select>
          <label htmlFor={`decision-text-${index}`}>{t("meetings.decisionTextLabel")}</label>
          <textarea id={`decision-text-${index}`} rows={2} value={decision.text}
            onChange={(event) => change(index, { text: event.target.value })} />
          {decision.kind !== "general" && (
            <>
              <label htmlFor={`decision-area-${index}`}>{t("incidents.area")}</label>
              <select id={`decision-area-${index}`} value={decision.area_id ?? ""}
                onChange={(event) => change(index, { area_id: event.target.value || null })}>
                <option value="">{t("registration.choose")}</option>
                {session.areas.map((area) => <option key={area.id} value={area.id}>{area.name}</option>)}
              </select>
              <label htmlFor={`decision-effective-${index}`}>{t("meetings.effectiveOn")}</label>
              <input id={`decision-effective-${index}`} type="date" value={decision.effective_on ?? ""}
                onChange={(event) => change(index, { effective_on: event.target.value || null })} />
            </>
          )}
          <button type="button" onClick={() => setDecisions((current) => current.filter((_, at) => at !== index))}>
            {t("meetings.removeDecision", { number: index + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() =>
        setDecisions((current) => [...current, { kind: "general", text: "", area_id: null, effective_on: heldOn }])}>
        {t("meetings.addDecision")}
      </button>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" disabled={working}>{t("meetings.record")}</button>
    </form>
  );
}
