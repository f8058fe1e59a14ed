// Opens a case about a person for the user's own unit (POST /api/v1/cases).
// The server checks the track against the person's age and the policy.
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { errorText, request, type CaseFile } from "../api";
import { today } from "../i18n";

export const caseTracks = ["under18_ssp", "over18_ssp_plus", "exit", "investigation"] as const;

export function OpenCaseForm({ personId, under18 }: { personId: number; under18: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [track, setTrack] = useState<string>(under18 ? "under18_ssp" : "over18_ssp_plus");
  const [level, setLevel] = useState("1");
  const [openedOn, setOpenedOn] = useState(today());
  const [firstContact, setFirstContact] = useState(false);
  const [error, setError] = useState("");
  const [working, setWorking] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setWorking(true);
    setError("");
    try {
      const opened = await request<CaseFile>("POST", "/api/v1/cases", {
        person_id: personId, track, level: Number(level), opened_on: openedOn, first_contact: firstContact,
      });
      navigate(`/cases/${opened.id}`);
    } catch (failure) {
      setError(errorText(t, failure));
      setWorking(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} aria-labelledby="open-case-title">
      <h3 id="open-case-title">{t("case.openTitle")}</h3>
      <label htmlFor="case-track">{t("case.track")}</label>
      <select id="case-track" value={track} onChange={(event) => setTrack(event.target.value)}>
        {caseTracks.map((choice) => <option key={choice} value={choice}>{t(`caseTrack.${choice}`)}</option>)}
      </select>
      <label htmlFor="case-level">{t("case.level")}</label>
      <select id="case-level" value={level} onChange={(event) => setLevel(event.target.value)}>
        {["1", "2", "3"].map((choice) => <option key={choice} value={choice}>{choice}</option>)}
      </select>
      <label htmlFor="case-opened-on">{t("case.openedOn")}</label>
      <input id="case-opened-on" type="date" value={openedOn} max={today()} onChange={(event) => setOpenedOn(event.target.value)} />
      <label className="choice">
        <input type="checkbox" checked={firstContact} onChange={(event) => setFirstContact(event.target.checked)} />
        {t("case.flag.first_contact")}
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" disabled={working}>{t("case.open")}</button>
    </form>
  );
}
