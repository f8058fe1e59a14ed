import { Fragment, useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, Route, Routes, useLocation, useParams } from "react-router-dom";
import { DemoBanner } from "./components/DemoBanner";
import { Header } from "./components/Header";
import { AuditPage } from "./pages/AuditPage";
import { CasePage } from "./pages/CasePage";
import { Dashboard } from "./pages/Dashboard";
import { IncidentPage } from "./pages/IncidentPage";
import { IncidentsPage } from "./pages/IncidentsPage";
import { IndicatorsPage } from "./pages/IndicatorsPage";
import { MapPage } from "./pages/MapPage";
import { MeasurePage } from "./pages/MeasurePage";
import { MeetingPage } from "./pages/MeetingPage";
import { MeetingsPage } from "./pages/MeetingsPage";
import { NetworkPage } from "./pages/NetworkPage";
import { PersonPage } from "./pages/PersonPage";
import { RegistrationPage } from "./pages/RegistrationPage";
import { ReportsPage } from "./pages/ReportsPage";
import { ReviewQueuePage } from "./pages/ReviewQueuePage";
import { UsersPage } from "./pages/UsersPage";
import { SignIn } from "./pages/SignIn";
import { useSession } from "./session";

export function App() {
  const { t } = useTranslation();
  const { state, demo } = useSession();
  return (
    <>
      <a className="skip-link" href="#main">{t("app.skipToContent")}</a>
      <PageFocusAndTitle />
      {demo && <DemoBanner />}
      {state.kind === "loading" && <main id="main"><p role="status">{t("common.loading")}</p></main>}
      {state.kind === "signedOut" && <SignIn expired={state.expired} />}
      {state.kind === "signedIn" && (
        <>
          <Header session={state.session} />
          <Routes>
            <Route path="/" element={<Dashboard session={state.session} />} />
            <Route path="/persons/:id" element={<KeyedById render={() => <PersonPage session={state.session} />} />} />
            <Route path="/measures/:id" element={<KeyedById render={() => <MeasurePage session={state.session} />} />} />
            <Route path="/cases/:id" element={<KeyedById render={() => <CasePage session={state.session} />} />} />
            <Route path="/registrations" element={<ReviewQueuePage session={state.session} />} />
            <Route path="/registrations/:id" element={<KeyedById render={() => <RegistrationPage session={state.session} />} />} />
            <Route path="/incidents" element={<IncidentsPage session={state.session} />} />
            <Route path="/incidents/:id" element={<KeyedById render={() => <IncidentPage session={state.session} />} />} />
            <Route path="/meetings" element={<MeetingsPage session={state.session} />} />
            <Route path="/meetings/:id" element={<KeyedById render={() => <MeetingPage session={state.session} />} />} />
            <Route path="/indicators" element={<IndicatorsPage session={state.session} />} />
            <Route path="/map" element={<MapPage session={state.session} />} />
            <Route path="/network" element={<NetworkPage session={state.session} />} />
            <Route path="/reports" element={<ReportsPage />} />
            <Route path="/audit" element={<AuditPage />} />
            <Route path="/users" element={<UsersPage session={state.session} />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </>
      )}
    </>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <main id="main">
      <h1>{t("notFound.title")}</h1>
      <Link to="/">{t("notFound.back")}</Link>
    </main>
  );
}

// A page about one record starts afresh when the id in the address changes.
function KeyedById({ render }: { render: () => ReactNode }) {
  const { id } = useParams();
  return <Fragment key={id}>{render()}</Fragment>;
}

// After each change of page the focus moves to the main content (so a screen
// reader starts there, not at the top of the document), and the window's
// title follows the page's heading.
function PageFocusAndTitle() {
  const location = useLocation();
  useEffect(() => {
    const frame = window.requestAnimationFrame(() => {
      const main = document.getElementById("main");
      if (!main) return;
      main.tabIndex = -1;
      if (!main.contains(document.activeElement)) main.focus({ preventScroll: true });
    });
    return () => window.cancelAnimationFrame(frame);
  }, [location.pathname]);
  useEffect(() => {
    const update = () => {
      const heading = document.querySelector("main h1")?.textContent?.trim();
      const title = heading ? `${heading} – Trygnet` : "Trygnet";
      if (document.title !== title) document.title = title;
    };
    const observer = new MutationObserver(update);
    observer.observe(document.getElementById("root")!, { childList: true, subtree: true, characterData: true });
    update();
    return () => observer.disconnect();
  }, []);
  return null;
}
