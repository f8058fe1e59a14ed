// The map of the partnership's areas (Leaflet): outlines drawn from the
// partnership file, the focus areas marked, and — for aggregate readers —
// observations per area as shading and incidents as circles, for a chosen
// calendar quarter (the server counts whole quarters only, so that periods
// cannot be subtracted). No background tiles unless the server names a tile server
// (`trygnet serve --map-tiles`): the map then works with no internet. The
// same figures are in a table beside the map, for keyboard and screen reader.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { errorText, request, type AreaCollection, type AreaCount, type AreaFeature, type Session } from "../api";
import { formatDate, today } from "../i18n";
import { quarterPeriod } from "../days";
import { defaultAsOf } from "../indicators";

interface WebConfig {
  map_tiles: string | null;
}

function countText(t: (key: string, options?: Record<string, unknown>) => string, count: AreaCount | undefined): string {
  if (!count) return "—";
  return count.under_5 ? t("map.under5") : String(count.count ?? 0);
}

export function MapPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const start = defaultAsOf(session, today());
  const [year, setYear] = useState(Number(start.slice(0, 4)));
  const [quarter, setQuarter] = useState(Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1);
  const { from, to: asOf } = quarterPeriod(year, quarter);
  const firstYear = Number((session.partnership_period?.from ?? today()).slice(0, 4)) - 2;
  const years = Array.from({ length: Number(today().slice(0, 4)) - firstYear + 1 }, (_, index) => firstYear + index);
  const [areas, setAreas] = useState<AreaCollection | null>(null);
  const [tiles, setTiles] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    fetch("/config.json").then((answer) => answer.json() as Promise<WebConfig>)
      .then((config) => setTiles(config.map_tiles)).catch(() => setTiles(null));
  }, []);
  useEffect(() => {
    let live = true;
    setError(null);
    request<AreaCollection>("GET", `/api/v1/areas?as_of=${asOf}&from=${from}`)
      .then((value) => live && setAreas(value))
      .catch((failure) => live && setError(failure));
    return () => {
      live = false;
    };
  }, [asOf, from]);

  return (
    <main id="main" className="wide">
      <h1>{t("map.title")}</h1>
      <p>{t("map.intro")}</p>
      <div className="inline-fields">
        <label htmlFor="map-year">{t("map.year")}</label>
        <select id="map-year" value={year} onChange={(event) => setYear(Number(event.target.value))}>
          {years.map((each) => <option key={each} value={each}>{each}</option>)}
        </select>
        <label htmlFor="map-quarter">{t("map.quarter")}</label>
        <select id="map-quarter" value={quarter} onChange={(event) => setQuarter(Number(event.target.value))}>
          {[1, 2, 3, 4].map((each) => <option key={each} value={each}>{t("map.quarterName", { number: each })}</option>)}
        </select>
      </div>
      {error !== null && <p role="alert">{errorText(t, error)}</p>}
      {areas && !areas.with_counts && areas.counts_note && <p className="hint">{t("map.noCounts")}</p>}
      {areas && <AreaMap areas={areas} tiles={tiles} />}
      {areas && (
        <table data-testid="area-table">
          <caption>{t("map.tableCaption", { from: formatDate(areas.from), to: formatDate(areas.as_of) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("map.area")}</th>
              <th scope="col">{t("map.kind")}</th>
              <th scope="col">{t("map.focus")}</th>
              {areas.with_counts && <th scope="col">{t("map.observations")}</th>}
              {areas.with_counts && <th scope="col">{t("map.incidents")}</th>}
            </tr>
          </thead>
          <tbody>
            {areas.features.map((feature) => (
              <tr key={feature.id}>
                <td>{feature.properties.name}</td>
                <td>{t(`areaKind.${feature.properties.kind}`)}</td>
                <td>{feature.properties.in_focus ? t("map.inFocus") : "—"}</td>
                {areas.with_counts && <td>{countText(t, feature.properties.observations)}</td>}
                {areas.with_counts && <td>{countText(t, feature.properties.incidents)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

function AreaMap({ areas, tiles }: { areas: AreaCollection; tiles: string | null }) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!element.current) return;
    const map = L.map(element.current, { attributionControl: Boolean(tiles), zoomSnap: 0.25 });
    if (tiles) L.tileLayer(tiles, { maxZoom: 19, attribution: t("map.tilesAttribution") }).addTo(map);
    const shown = areas.features.filter((feature) => feature.geometry !== null);
    const most = Math.max(1, ...shown.map((feature) => feature.properties.observations?.count ?? 0));
    // Districts first, so the focus areas inside them are drawn on top.
    const ordered = [...shown].sort((a, b) => Number(a.properties.kind !== "district") - Number(b.properties.kind !== "district"));
    const layers = ordered.map((feature) => drawArea(map, feature, most, t));
    const bounds = L.featureGroup(layers).getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16] });
    return () => {
      map.remove();
    };
  }, [areas, tiles, t]);

  // Leaflet's own controls are inside, so the map is a labelled region (not an image); the table below
  // holds the same figures for keyboard and screen reader.
  return <div ref={element} className="map" role="region" aria-label={t("map.label")} data-testid="map" />;
}

function drawArea(map: L.Map, feature: AreaFeature, most: number,
  t: (key: string, options?: Record<string, unknown>) => string): L.Layer {
  const { properties } = feature;
  const ring = feature.geometry!.coordinates[0].map(([lon, lat]) => L.latLng(lat, lon));
  const observations = properties.observations?.count ?? (properties.observations?.under_5 ? 1 : 0);
  const shade = properties.observations ? 0.08 + 0.5 * (observations / most) : 0.1;
  const polygon = L.polygon(ring, {
    color: properties.in_focus ? "#7a2e00" : "#0b4f8a",
    weight: properties.kind === "district" ? 2 : 3,
    dashArray: properties.in_focus ? undefined : properties.kind === "district" ? undefined : "4 4",
    fillColor: "#0b4f8a",
    fillOpacity: shade,
  }).addTo(map);
  const lines = [
    properties.name,
    properties.in_focus ? t("map.inFocus") : "",
    properties.observations ? `${t("map.observations")}: ${countText(t, properties.observations)}` : "",
    properties.incidents ? `${t("map.incidents")}: ${countText(t, properties.incidents)}` : "",
  ].filter(Boolean);
  polygon.bindTooltip(lines.join(" · "));
  const incidents = properties.incidents?.count ?? (properties.incidents?.under_5 ? 1 : 0);
  if (incidents > 0) {
    L.circleMarker(polygon.getBounds().getCenter(), {
      radius: 4 + 2 * Math.sqrt(incidents), color: "#a30000", weight: 2, fillOpacity: 0.4,
    }).bindTooltip(`${properties.name}: ${t("map.incidents")} ${countText(t, properties.incidents)}`).addTo(map);
  }
  return polygon;
}
