// The network analysis (issue 8, p.8–9 and p.12): who is seen with whom in a
// period and area, who is central, who brokers between groups, and which
// under-18s are drifting in. Each run states its purpose, which the server
// writes to the audit log with every person shown; persons without a
// registration or case appear by pseudonym. Indicators, not decisions.
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { errorText, request, type NetworkResult, type PersonRef, type Session } from "../api";
import { NetworkGraph } from "../components/NetworkGraph";
import { PersonRefText, personKey } from "../components/PersonRefText";
import { formatDecimal, formatNumber, today } from "../i18n";
import { defaultAsOf } from "../indicators";

export function NetworkPage({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const [asOf, setAsOf] = useState(defaultAsOf(session, today()));
  const [from, setFrom] = useState("");
  const [area, setArea] = useState("");
  const [purpose, setPurpose] = useState("");
  const [top, setTop] = useState("20");
  const [result, setResult] = useState<NetworkResult | null>(null);
  const [error, setError] = useState("");
  const [working, setWorking] = useState(false);

  async function run(event: FormEvent) {
    event.preventDefault();
    if (!purpose) return setError(t("network.purposeRequired"));
    const query = new URLSearchParams({ as_of: asOf, top });
    if (from) query.set("from", from);
    if (area) query.set("area", area);
    setWorking(true);
    setError("");
    setResult(null);
    try {
      setResult(await request<NetworkResult>("GET", `/api/v1/network?${query}`, undefined, { "X-Trygnet-Purpose": purpose }));
    } catch (failure) {
      setError(errorText(t, failure));
    } finally {
      setWorking(false);
    }
  }

  return (
    <main id="main" className="wide">
      <h1>{t("network.title")}</h1>
      <p>{t("network.intro")}</p>
      <form className="panel form form--grid" onSubmit={run} noValidate>
        <label htmlFor="network-purpose">{t("network.purpose")}</label>
        <select id="network-purpose" value={purpose} onChange={(event) => setPurpose(event.target.value)} aria-describedby="purpose-hint">
          <option value="">{t("network.choosePurpose")}</option>
          {session.purposes.map((each) => <option key={each} value={each}>{t(`purpose.${each}`, each)}</option>)}
        </select>
        <p id="purpose-hint" className="hint">{t("network.purposeHint")}</p>
        <label htmlFor="network-as-of">{t("network.asOf")}</label>
        <input id="network-as-of" type="date" value={asOf} max={today()} onChange={(event) => setAsOf(event.target.value)} />
        <label htmlFor="network-from">{t("network.from")}</label>
        <input id="network-from" type="date" value={from} max={asOf} onChange={(event) => setFrom(event.target.value)} />
        <label htmlFor="network-area">{t("incidents.area")}</label>
        <select id="network-area" value={area} onChange={(event) => setArea(event.target.value)}>
          <option value="">{t("network.allAreas")}</option>
          {session.areas.map((each) => <option key={each.id} value={each.id}>{each.name}</option>)}
        </select>
        <label htmlFor="network-top">{t("network.top")}</label>
        <input id="network-top" type="number" min={1} max={500} value={top} onChange={(event) => setTop(event.target.value)} />
        {error && <p className="error" role="alert">{error}</p>}
        {working && <p role="status">{t("network.working")}</p>}
        <button type="submit" disabled={working}>{t("network.run")}</button>
      </form>
      {result && (
        <>
          <p className="warning" data-testid="network-notice">{i18n.language === "en" ? result.notice.en : result.notice.da}</p>
          <p data-testid="network-summary">
            {t("network.summary", {
              observations: formatNumber(result.network.observations), persons: formatNumber(result.network.persons),
              ties: formatNumber(result.network.ties), communities: result.communities.length,
              modularity: formatDecimal(result.network.modularity, 2),
            })}
          </p>
          <BetweennessNote result={result} />
          <div className="columns">
            <TopList title={t("network.byPagerank")} persons={result.top.pagerank} />
            <TopList title={t("network.byBetweenness")} persons={result.top.betweenness} />
            <TopList title={t("network.byStrength")} persons={result.top.strength} />
          </div>
          <section className="panel" aria-labelledby="graph-title">
            <h2 id="graph-title">{t("network.graph")}</h2>
            <p className="hint">{t("network.graphLegend")}</p>
            <NetworkGraph persons={result.persons} label={t("network.graphLabel")} />
          </section>
          <Groups result={result} />
          <Drifting result={result} />
        </>
      )}
    </main>
  );
}

function BetweennessNote({ result }: { result: NetworkResult }) {
  const { t } = useTranslation();
  const sampled = result.betweenness.components.filter((component) => component.method === "sampled");
  return (
    <p className="hint">
      {sampled.length === 0
        ? t("network.betweennessExact")
        : sampled.map((component) => t("network.betweennessSampled", {
          persons: formatNumber(component.persons), pivots: component.pivots,
          bound: formatDecimal(component.error_bound ?? 0, 3), confidence: Math.round((component.confidence ?? 0) * 100),
        })).join(" ")}
    </p>
  );
}

function TopList({ title, persons }: { title: string; persons: PersonRef[] }) {
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      <ol>{persons.map((person) => <li key={personKey(person)}><PersonRefText person={person} /></li>)}</ol>
    </section>
  );
}

function Groups({ result }: { result: NetworkResult }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="groups-title">
      <h2 id="groups-title">{t("network.groups")}</h2>
      {result.groups.length === 0 ? <p>{t("person.none")}</p> : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("person.group")}</th>
              <th scope="col">{t("network.members")}</th>
              <th scope="col">{t("network.inside")}</th>
              <th scope="col">{t("network.outside")}</th>
              <th scope="col">{t("network.central")}</th>
            </tr>
          </thead>
          <tbody>
            {result.groups.map((group) => (
              <tr key={group.group_id}>
                <td>{group.name}</td>
                <td>{group.members_in_network}</td>
                <td>{formatDecimal(group.internal_weight, 1)}</td>
                <td>{formatDecimal(group.external_weight, 1)}</td>
                <td>{group.central_members.map((person, index) => (
                  <span key={personKey(person)}>{index > 0 && ", "}<PersonRefText person={person} /></span>))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t("network.brokers")}</h3>
      {result.brokers.length === 0 ? <p>{t("person.none")}</p> : (
        <ul>
          {result.brokers.slice(0, 20).map((broker) => (
            <li key={personKey(broker.person)}>
              <PersonRefText person={broker.person} />: {t("network.brokerGroups", { count: broker.groups.length })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Drifting({ result }: { result: NetworkResult }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="drifting-title">
      <h2 id="drifting-title">{t("network.drifting")}</h2>
      <p className="hint">{t("network.driftingHint")}</p>
      {result.drifting_in.length === 0 ? <p>{t("person.none")}</p> : (
        <ul data-testid="drifting-in">
          {result.drifting_in.slice(0, 50).map((drift) => (
            <li key={personKey(drift.person)}>
              <PersonRefText person={drift.person} />:{" "}
              {t("network.driftLine", { members: drift.members_met, recent: drift.new_recently, days: drift.recent_days })}
              {" · "}{drift.growth.map((quarter) => `${quarter.quarter}: ${quarter.members}`).join(", ")}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
