// A case (sag): its flags with their reasons, the joint assessment in
// versions (fælles vurdering: several units, each revision a new version),
// the case's measures with a form to add one, and closing the case. The
// server decides who may do what; every refusal is shown in words.
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import {
  ApiError, can, errorText, request, type Assessment, type CaseDetail, type Measure, type Session,
} from "../api";
import { formatDate, today } from "../i18n";
import { labelText } from "../labels";

interface Loaded {
  caseFile: CaseDetail;
  assessments: Assessment[]; // newest first
  measures: Measure[];
}

export function CasePage({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [notice, setNotice] = useState("");
  const base = `/api/v1/cases/${encodeURIComponent(id ?? "")}`;

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const caseFile = await request<CaseDetail>("GET", base);
      const [assessments, measures] = await Promise.all([
        request<{ items: Assessment[] }>("GET", `${base}/assessments`),
        request<{ items: Measure[] }>("GET", `/api/v1/persons/${caseFile.person_id}/measures`),
      ]);
      setLoaded({
        caseFile,
        assessments: assessments.items,
        measures: measures.items.filter((measure) => measure.case_id === caseFile.id),
      });
    } catch (error) {
      setLoadError(error);
    }
  }, [base]);
  useEffect(() => {
    void load();
  }, [load]);
  const changed = (text: string) => {
    setNotice(text);
    void load();
  };

  if (loadError) {
    return (
      <main id="main">
        <h1>{t("case.title")}</h1>
        <p role="alert">{errorText(t, loadError)}</p>
      </main>
    );
  }
  if (!loaded) return <main id="main"><p role="status">{t("common.loading")}</p></main>;
  const { caseFile, assessments, measures } = loaded;
  const open = caseFile.closed_on === null;
  const writable = can(session, "write:case");
  const unitName = (unitId: string) => labelText(session.units.find((unit) => unit.id === unitId), unitId, i18n.language);
  return (
    <main id="main">
      <h1>{t("case.heading", { id: caseFile.id, track: t(`caseTrack.${caseFile.track}`) })}</h1>
      <p role="status" className={notice ? "notice" : undefined}>{notice}</p>
      <dl className="facts">
        <dt>{t("dashboard.columns.person")}</dt>
        <dd><Link to={`/persons/${caseFile.person_id}`}>{t("common.person", { id: caseFile.person_id })}</Link></dd>
        <dt>{t("case.owner")}</dt>
        <dd>{unitName(caseFile.owning_unit_id)}</dd>
        <dt>{t("case.level")}</dt>
        <dd>{caseFile.level}</dd>
        <dt>{t("case.state")}</dt>
        <dd data-testid="case-state">
          {open
            ? t("case.openSince", { date: formatDate(caseFile.opened_on) })
            : t("case.closedOn", { date: formatDate(caseFile.closed_on!), reason: caseFile.close_reason })}
        </dd>
        <dt>{t("case.flags")}</dt>
        <dd data-testid="case-flags">
          {(["first_contact", "arrested_remanded_imprisoned", "leading_member", "exit_motivated"] as const)
            .filter((flag) => caseFile.flags[flag])
            .map((flag) => t(`case.flag.${flag}`))
            .join(", ") || t("case.noFlags")}
        </dd>
      </dl>
      {caseFile.flag_changes.length > 0 && (
        <section className="panel" aria-labelledby="flag-history-title">
          <h2 id="flag-history-title">{t("case.flagHistory")}</h2>
          <ul>
            {caseFile.flag_changes.map((change, index) => (
              <li key={index}>
                {t(change.value ? "case.flagSet" : "case.flagCleared", { flag: t(`case.flag.${change.flag}`) })} ·{" "}
                {formatDate(change.set_on)} · {change.set_by} · {change.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {/* Keyed on the latest version: after a newer version arrives the form starts from it, never from stale text. */}
      <AssessmentSection key={assessments[0]?.version ?? 0} caseId={caseFile.id} assessments={assessments} session={session}
        open={open && writable} onSaved={changed} />
      <MeasuresSection caseFile={caseFile} measures={measures} session={session} open={open && writable} onSaved={changed} />
      {open && writable && <FlagForm caseId={caseFile.id} onSaved={changed} />}
      {open && writable && <CloseForm caseId={caseFile.id} onSaved={changed} />}
    </main>
  );
}

function lines(text: string): string[] {
  return text.split("\n").map((line) => line.trim()).filter(Boolean);
}

function AssessmentSection({ caseId, assessments, session, open, onSaved }: {
  caseId: number; assessments: Assessment[]; session: Session; open: boolean; onSaved: (notice: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const latest = assessments[0];
  const [school, setSchool] = useState(latest?.life_situation.school ?? "");
  const [job, setJob] = useState(latest?.life_situation.job ?? "");
  const [housing, setHousing] = useState(latest?.life_situation.housing ?? "");
  const [family, setFamily] = useState(latest?.life_situation.family ?? "");
  const [risks, setRisks] = useState((latest?.risk_factors ?? []).join("\n"));
  const [protective, setProtective] = useState((latest?.protective_factors ?? []).join("\n"));
  const [units, setUnits] = useState<string[]>(latest?.participant_unit_ids ?? [session.user.unit_id]);
  const [error, setError] = useState("");
  const [working, setWorking] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (new Set(units).size < 2) return setError(t("assessment.twoUnits"));
    setWorking(true);
    setError("");
    try {
      const saved = await request<Assessment>("POST", `/api/v1/cases/${caseId}/assessments`, {
        based_on_version: latest?.version ?? 0,
        life_situation: { school, job, housing, family },
        risk_factors: lines(risks),
        protective_factors: lines(protective),
        participant_unit_ids: units,
      });
      onSaved(t("assessment.saved", { version: saved.version }));
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === "conflict") {
        onSaved(t("assessment.conflict")); // the page reloads and this form starts from the newer version
        return;
      }
      setError(errorText(t, failure));
    } finally {
      setWorking(false);
    }
  }

  const toggle = (unitId: string, on: boolean) =>
    setUnits((current) => (on ? [...current, unitId] : current.filter((each) => each !== unitId)));
  return (
    <section className="panel" aria-labelledby="assessment-title">
      <h2 id="assessment-title">{t("assessment.title")}</h2>
      {latest ? (
        <p data-testid="assessment-latest">
          {t("assessment.latest", { version: latest.version, date: formatDate(latest.assessed_on), by: latest.recorded_by })}
        </p>
      ) : (
        <p>{t("assessment.none")}</p>
      )}
      {open && (
        <form className="form" onSubmit={submit} aria-label={t("assessment.formTitle")}>
          <label htmlFor="life-school">{t("assessment.school")}</label>
          <textarea id="life-school" rows={2} value={school} onChange={(event) => setSchool(event.target.value)} />
          <label htmlFor="life-job">{t("assessment.job")}</label>
          <textarea id="life-job" rows={2} value={job} onChange={(event) => setJob(event.target.value)} />
          <label htmlFor="life-housing">{t("assessment.housing")}</label>
          <textarea id="life-housing" rows={2} value={housing} onChange={(event) => setHousing(event.target.value)} />
          <label htmlFor="life-family">{t("assessment.family")}</label>
          <textarea id="life-family" rows={2} value={family} onChange={(event) => setFamily(event.target.value)} />
          <label htmlFor="risk-factors">{t("assessment.risks")}</label>
          <textarea id="risk-factors" rows={3} value={risks} aria-describedby="one-per-line"
            onChange={(event) => setRisks(event.target.value)} />
          <label htmlFor="protective-factors">{t("assessment.protective")}</label>
          <textarea id="protective-factors" rows={3} value={protective} aria-describedby="one-per-line"
            onChange={(event) => setProtective(event.target.value)} />
          <p id="one-per-line" className="hint">{t("assessment.onePerLine")}</p>
          <fieldset>
            <legend>{t("assessment.units")}</legend>
            {session.units.map((unit) => (
              <label key={unit.id} className="choice">
                <input type="checkbox" checked={units.includes(unit.id)}
                  onChange={(event) => toggle(unit.id, event.target.checked)} />
                {labelText(unit, unit.id, i18n.language)}
              </label>
            ))}
          </fieldset>
          {error && <p className="error" role="alert">{error}</p>}
          <button type="submit" disabled={working}>
            {latest ? t("assessment.saveNew", { version: latest.version + 1 }) : t("assessment.saveFirst")}
          </button>
        </form>
      )}
    </section>
  );
}

function MeasuresSection({ caseFile, measures, session, open, onSaved }: {
  caseFile: CaseDetail; measures: Measure[]; session: Session; open: boolean; onSaved: (notice: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [typeId, setTypeId] = useState("");
  const [unitId, setUnitId] = useState("");
  const [dueOn, setDueOn] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState("");
  const [working, setWorking] = useState(false);
  const type = session.measure_types.find((each) => each.id === typeId);
  const name = (id: string) => labelText(session.measure_types.find((each) => each.id === id), id, i18n.language);
  const unitName = (id: string) => labelText(session.units.find((unit) => unit.id === id), id, i18n.language);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!typeId) return setError(t("validation.required", { field: t("newMeasure.type") }));
    if (!unitId) return setError(t("validation.required", { field: t("newMeasure.unit") }));
    if (!dueOn) return setError(t("validation.required", { field: t("newMeasure.due") }));
    setWorking(true);
    setError("");
    try {
      const body: Record<string, unknown> = {
        person_id: caseFile.person_id, case_id: caseFile.id, measure_type_id: typeId, assigned_unit_id: unitId, due_on: dueOn,
      };
      if (note.trim()) body.note = note.trim();
      await request("POST", "/api/v1/measures", body);
      setTypeId("");
      setUnitId("");
      setDueOn("");
      setNote("");
      onSaved(t("newMeasure.saved"));
    } catch (failure) {
      setError(errorText(t, failure));
    } finally {
      setWorking(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="case-measures-title">
      <h2 id="case-measures-title">{t("person.measures")}</h2>
      {measures.length === 0 ? <p>{t("person.none")}</p> : (
        <ul data-testid="case-measures">
          {measures.map((measure) => (
            <li key={measure.id}>
              <Link to={`/measures/${measure.id}`}>{name(measure.measure_type_id)}</Link> · {unitName(measure.assigned_unit_id)} ·{" "}
              {t(`measureStatus.${measure.status}`)} · {t("person.due", { date: formatDate(measure.due_on) })}
            </li>
          ))}
        </ul>
      )}
      {open && (
        <form className="form" onSubmit={submit} aria-label={t("newMeasure.title")} noValidate>
          <h3>{t("newMeasure.title")}</h3>
          <label htmlFor="measure-type">{t("newMeasure.type")}</label>
          <select id="measure-type" value={typeId} onChange={(event) => {
            setTypeId(event.target.value);
            const units = session.measure_types.find((each) => each.id === event.target.value)?.unit_ids ?? [];
            setUnitId(units.length === 1 ? units[0] : "");
          }}>
            <option value="">{t("registration.choose")}</option>
            {session.measure_types.map((each) => <option key={each.id} value={each.id}>{name(each.id)}</option>)}
          </select>
          <label htmlFor="measure-unit">{t("newMeasure.unit")}</label>
          <select id="measure-unit" value={unitId} onChange={(event) => setUnitId(event.target.value)}>
            <option value="">{t("registration.choose")}</option>
            {(type?.unit_ids.length ? type.unit_ids : session.units.map((unit) => unit.id)).map((id) => (
              <option key={id} value={id}>{unitName(id)}</option>
            ))}
          </select>
          <label htmlFor="measure-due">{t("newMeasure.due")}</label>
          <input id="measure-due" type="date" value={dueOn} min={today()} onChange={(event) => setDueOn(event.target.value)} />
          <label htmlFor="measure-note">{t("measure.note")}</label>
          <textarea id="measure-note" rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
          {error && <p className="error" role="alert">{error}</p>}
          <button type="submit" disabled={working}>{t("newMeasure.save")}</button>
        </form>
      )}
    </section>
  );
}

function FlagForm({ caseId, onSaved }: { caseId: number; onSaved: (notice: string) => void }) {
  const { t } = useTranslation();
  const [flag, setFlag] = useState("exit_motivated");
  const [value, setValue] = useState("true");
  const [reason, setReason] = useState("");
  const [error, setError] = useState("");
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) return setError(t("validation.required", { field: t("case.reason") }));
    try {
      await request("POST", `/api/v1/cases/${caseId}/flags`, { flag, value: value === "true", reason: reason.trim() });
      setReason("");
      setError("");
      onSaved(t("case.flagSaved"));
    } catch (failure) {
      setError(failure instanceof ApiError && failure.reason === "not_owner" ? t("case.notOwner") : errorText(t, failure));
    }
  }
  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="flag-form-title" noValidate>
      <h2 id="flag-form-title">{t("case.flagTitle")}</h2>
      <label htmlFor="flag-name">{t("case.flagName")}</label>
      <select id="flag-name" value={flag} onChange={(event) => setFlag(event.target.value)}>
        <option value="exit_motivated">{t("case.flag.exit_motivated")}</option>
        <option value="leading_member">{t("case.flag.leading_member")}</option>
      </select>
      <label htmlFor="flag-value">{t("case.flagValue")}</label>
      <select id="flag-value" value={value} onChange={(event) => setValue(event.target.value)}>
        <option value="true">{t("case.set")}</option>
        <option value="false">{t("case.clear")}</option>
      </select>
      <label htmlFor="flag-reason">{t("case.reason")}</label>
      <textarea id="flag-reason" rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit">{t("case.flagSave")}</button>
    </form>
  );
}

function CloseForm({ caseId, onSaved }: { caseId: number; onSaved: (notice: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [closedOn, setClosedOn] = useState(today());
  const [error, setError] = useState("");
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) return setError(t("validation.required", { field: t("case.reason") }));
    try {
      await request("POST", `/api/v1/cases/${caseId}/close`, { reason: reason.trim(), closed_on: closedOn });
      onSaved(t("case.closedNotice"));
    } catch (failure) {
      setError(failure instanceof ApiError && failure.reason === "not_owner" ? t("case.notOwner") : errorText(t, failure));
    }
  }
  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="close-form-title" noValidate>
      <h2 id="close-form-title">{t("case.closeTitle")}</h2>
      <label htmlFor="close-reason">{t("case.reason")}</label>
      <textarea id="close-reason" rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
      <label htmlFor="close-on">{t("case.closeOn")}</label>
      <input id="close-on" type="date" value={closedOn} max={today()} onChange={(event) => setClosedOn(event.target.value)} />
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit">{t("case.close")}</button>
    </form>
  );
}
