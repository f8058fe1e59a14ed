// One person: identity, registrations, cases, measures and the newest
// observations. Each part is asked for on its own, so the policy decides part
// by part: what the user may not see is left out with the reason (never a
// blank page), and every read is audited by the server.
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import {
  ApiError, can, errorText, request, type CaseFile, type Measure, type Observation, type Person, type Registration,
  type Session,
} from "../api";
import { labelText } from "../labels";
import { OpenCaseForm } from "../components/OpenCaseForm";
import { PersonNetwork } from "../components/PersonNetwork";
import { formatDate, formatDateTime } from "../i18n";

type Part<T> = { kind: "loading" } | { kind: "failed"; error: unknown } | { kind: "loaded"; value: T };

function usePart<T>(path: string | null): Part<T> {
  const [part, setPart] = useState<Part<T>>({ kind: "loading" });
  useEffect(() => {
    if (!path) return;
    let live = true;
    setPart({ kind: "loading" });
    request<T>("GET", path)
      .then((value) => live && setPart({ kind: "loaded", value }))
      .catch((error) => live && setPart({ kind: "failed", error }));
    return () => {
      live = false;
    };
  }, [path]);
  return part;
}

export function PersonPage({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const valid = id !== undefined && /^[1-9]\d{0,17}$/.test(id);
  const base = valid ? `/api/v1/persons/${id}` : null;
  const person = usePart<Person>(base);
  const registrations = usePart<{ items: Registration[] }>(base && `${base}/registrations`);
  const cases = usePart<{ items: CaseFile[] }>(base && `${base}/cases`);
  const measures = usePart<{ items: Measure[] }>(base && `${base}/measures`);
  const observations = usePart<{ items: Observation[] }>(base && `${base}/observations?limit=20`);
  const areaName = (areaId: string | null) =>
    areaId ? session.areas.find((area) => area.id === areaId)?.name ?? areaId : "—";
  const typeName = (typeId: string) =>
    labelText(session.measure_types.find((type) => type.id === typeId), typeId, i18n.language);

  if (!valid) {
    return (
      <main id="main">
        <h1>{t("notFound.title")}</h1>
        <Link to="/">{t("notFound.back")}</Link>
      </main>
    );
  }
  const heading =
    person.kind === "loaded"
      ? `${person.value.given_name} ${person.value.family_name}`
      : t("common.person", { id });
  return (
    <main id="main">
      <h1>{heading}</h1>
      <Section title={t("person.identity")} part={person}>
        {(value) => (
          <dl className="facts">
            <dt>{t("person.cpr")}</dt>
            <dd>{value.cpr ?? t("person.noCpr")}</dd>
            <dt>{t("person.birthDate")}</dt>
            <dd>{formatDate(value.birth_date)}</dd>
            <dt>{t("person.age")}</dt>
            <dd>
              {value.age}
              {value.under_18 && <span className="badge">{t("person.under18")}</span>}
            </dd>
            <dt>{t("person.area")}</dt>
            <dd>{areaName(value.residence_area_id)}</dd>
          </dl>
        )}
      </Section>
      <Section title={t("person.registrations")} part={registrations}>
        {(value) =>
          value.items.length === 0 ? <p>{t("person.none")}</p> : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("person.role")}</th>
                  <th scope="col">{t("person.group")}</th>
                  <th scope="col">{t("person.validFrom")}</th>
                  <th scope="col">{t("person.validated")}</th>
                </tr>
              </thead>
              <tbody>
                {value.items.map((registration) => (
                  <tr key={registration.id}>
                    <td>
                      <Link to={`/registrations/${registration.id}`}>
                        {t(`registrationRole.${registration.role}`, registration.role)}
                      </Link>
                    </td>
                    <td>{registration.group_id ?? "—"}</td>
                    <td>{formatDate(registration.valid_from)}</td>
                    <td>{registration.validated_on ? formatDate(registration.validated_on) : t("person.awaitingValidation")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Section>
      <Section title={t("person.cases")} part={cases}
        footer={person.kind === "loaded" && can(session, "write:case") &&
          <OpenCaseForm personId={person.value.id} under18={person.value.under_18} />}>
        {(value) =>
          value.items.length === 0 ? <p>{t("person.none")}</p> : (
            <ul>
              {value.items.map((caseFile) => (
                <li key={caseFile.id}>
                  <Link to={`/cases/${caseFile.id}`}>
                    {t("case.heading", { id: caseFile.id, track: t(`caseTrack.${caseFile.track}`, caseFile.track) })}
                  </Link>{" "}
                  · {labelText(session.units.find((unit) => unit.id === caseFile.owning_unit_id), caseFile.owning_unit_id,
                    i18n.language)} · {t("person.opened", { date: formatDate(caseFile.opened_on) })}
                  {caseFile.closed_on && ` · ${t("person.closed", { date: formatDate(caseFile.closed_on) })}`}
                </li>
              ))}
            </ul>
          )
        }
      </Section>
      <Section title={t("person.measures")} part={measures}>
        {(value) =>
          value.items.length === 0 ? <p>{t("person.none")}</p> : (
            <ul>
              {value.items.map((measure) => (
                <li key={measure.id}>
                  <Link to={`/measures/${measure.id}`}>{typeName(measure.measure_type_id)}</Link> ·{" "}
                  {t(`measureStatus.${measure.status}`)} ·{" "}
                  {t("person.due", { date: formatDate(measure.due_on) })}
                </li>
              ))}
            </ul>
          )
        }
      </Section>
      {observations.kind === "loaded" && observations.value.items.length > 0 && (
        <PersonNetwork session={session} personId={Number(id)} />
      )}
      <Section title={t("person.observations")} part={observations}>
        {(value) =>
          value.items.length === 0 ? <p>{t("person.none")}</p> : (
            <ul>
              {value.items.map((observation) => (
                <li key={observation.id}>
                  <time dateTime={observation.observed_at}>{formatDateTime(observation.observed_at)}</time> ·{" "}
                  {areaName(observation.area_id)} · {t("person.seenWith", { count: observation.person_ids.length - 1 })}
                </li>
              ))}
            </ul>
          )
        }
      </Section>
    </main>
  );
}

// `footer` is shown whether or not the part itself may be read (e.g. opening
// a case needs no access to the person's existing cases).
function Section<T>({ title, part, children, footer }: {
  title: string; part: Part<T>; children: (value: T) => ReactNode; footer?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      {part.kind === "loading" && <p role="status">{t("common.loading")}</p>}
      {part.kind === "failed" && <Withheld error={part.error} />}
      {part.kind === "loaded" && children(part.value)}
      {footer}
    </section>
  );
}

// Why a part is not shown: the policy's reason, in words a user can act on.
function Withheld({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.code === "permission_denied") {
    const reason = error.reason ?? "";
    const key = `withheld.${reason}`;
    const text = t(key);
    return (
      <p className="withheld" data-testid="withheld">
        <strong>{t("withheld.title")}</strong> {text === key ? t("withheld.other") : text}
      </p>
    );
  }
  return <p role="alert">{errorText(t, error)}</p>;
}
