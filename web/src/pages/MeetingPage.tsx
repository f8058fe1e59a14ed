// One meeting held: who attended, the minutes and the decisions.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { errorText, request, type Meeting, type MeetingDue, type Session } from "../api";
import { formatDate } from "../i18n";
import { labelText } from "../labels";

export function MeetingPage({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  const [types, setTypes] = useState<MeetingDue[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    request<Meeting>("GET", `/api/v1/meetings/${encodeURIComponent(id ?? "")}`).then(setMeeting).catch(setError);
    // The meeting types' names come with the cadences.
    request<{ items: MeetingDue[] }>("GET", "/api/v1/meetings/due").then((due) => setTypes(due.items)).catch(() => setTypes([]));
  }, [id]);
  if (error) return <main id="main"><h1>{t("meetings.one")}</h1><p role="alert">{errorText(t, error)}</p></main>;
  if (!meeting) return <main id="main"><p role="status">{t("common.loading")}</p></main>;
  const type = types.find((each) => each.meeting_type_id === meeting.meeting_type_id);
  const typeName = type
    ? labelText({ id: type.meeting_type_id, name: type.name, name_en: type.name_en }, type.meeting_type_id, i18n.language)
    : meeting.meeting_type_id;
  const areaName = (areaId: string | null) => session.areas.find((area) => area.id === areaId)?.name ?? areaId ?? "";
  return (
    <main id="main">
      <h1>{t("meetings.heading", { date: formatDate(meeting.held_on), type: typeName })}</h1>
      <dl className="facts">
        <dt>{t("meetings.attending")}</dt>
        <dd>{meeting.attending_unit_ids.map((unitId) =>
          labelText(session.units.find((unit) => unit.id === unitId), unitId, i18n.language)).join(", ")}</dd>
        <dt>{t("meetings.recordedBy")}</dt>
        <dd>{meeting.recorded_by}</dd>
      </dl>
      <section className="panel" aria-labelledby="minutes-title">
        <h2 id="minutes-title">{t("meetings.minutes")}</h2>
        <p className="minutes">{meeting.minutes || "—"}</p>
      </section>
      <section className="panel" aria-labelledby="decisions-title">
        <h2 id="decisions-title">{t("meetings.decisions")}</h2>
        {meeting.decisions.length === 0 ? <p>{t("person.none")}</p> : (
          <ol data-testid="decisions">
            {meeting.decisions.map((decision, index) => (
              <li key={index}>
                <strong>{t(`decisionKind.${decision.kind}`)}</strong>
                {decision.area_id && ` · ${areaName(decision.area_id)}`}
                {decision.effective_on && ` · ${t("meetings.from", { date: formatDate(decision.effective_on) })}`}
                {" · "}{decision.text}
              </li>
            ))}
          </ol>
        )}
      </section>
      <Link to="/meetings">{t("meetings.back")}</Link>
    </main>
  );
}
