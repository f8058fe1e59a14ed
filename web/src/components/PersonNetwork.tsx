// A person's place in the co-presence network, on the person page: asked
// for only when the user states a purpose (the run is audited with it), and
// answered by the policy on the person's observations.
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { errorText, request, type NetworkResult, type Session } from "../api";
import { formatDate, formatDecimal, today } from "../i18n";
import { defaultAsOf } from "../indicators";
import { NetworkGraph } from "./NetworkGraph";
import { PersonRefText, personKey } from "./PersonRefText";

export function PersonNetwork({ session, personId }: { session: Session; personId: number }) {
  const { t, i18n } = useTranslation();
  const [purpose, setPurpose] = useState("");
  const [asOf, setAsOf] = useState(defaultAsOf(session, today()));
  const [result, setResult] = useState<NetworkResult | null>(null);
  const [error, setError] = useState("");
  const [working, setWorking] = useState(false);

  async function run(event: FormEvent) {
    event.preventDefault();
    if (!purpose) return setError(t("network.purposeRequired"));
    setWorking(true);
    setError("");
    try {
      setResult(await request<NetworkResult>("GET", `/api/v1/persons/${personId}/network?as_of=${asOf}`, undefined,
        { "X-Trygnet-Purpose": purpose }));
    } catch (failure) {
      setError(errorText(t, failure));
    } finally {
      setWorking(false);
    }
  }

  const person = result?.persons.find((each) => each.id === personId);
  return (
    <section className="panel" aria-labelledby="person-network-title">
      <h2 id="person-network-title">{t("network.personTitle")}</h2>
      <form className="form" onSubmit={run} noValidate>
        <label htmlFor="person-network-purpose">{t("network.purpose")}</label>
        <select id="person-network-purpose" value={purpose} onChange={(event) => setPurpose(event.target.value)}>
          <option value="">{t("network.choosePurpose")}</option>
          {session.purposes.map((each) => <option key={each} value={each}>{t(`purpose.${each}`, each)}</option>)}
        </select>
        <label htmlFor="person-network-as-of">{t("network.asOf")}</label>
        <input id="person-network-as-of" type="date" value={asOf} max={today()} onChange={(event) => setAsOf(event.target.value)} />
        {error && <p className="error" role="alert">{error}</p>}
        {working && <p role="status">{t("network.working")}</p>}
        <button type="submit" disabled={working}>{t("network.showPerson")}</button>
      </form>
      {result && !person && <p role="status">{t("network.personNotShown")}</p>}
      {result && person && (
        <>
          <p className="warning">{i18n.language === "en" ? result.notice.en : result.notice.da}</p>
          <p data-testid="person-network-measures">
            {t("network.personMeasures", {
              degree: person.measures.degree, strength: formatDecimal(person.measures.strength, 1),
              betweenness: formatDecimal(person.measures.betweenness_normalised, 3), total: person.ties_total,
            })}
          </p>
          <NetworkGraph persons={[person]} label={t("network.graphLabel")} />
          <ul data-testid="person-ties">
            {person.ties.map((tie) => (
              <li key={personKey(tie.with)}>
                <PersonRefText person={tie.with} />:{" "}
                {t("network.tieLine", { count: tie.count, first: formatDate(tie.first_seen.slice(0, 10)),
                  last: formatDate(tie.last_seen.slice(0, 10)) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
