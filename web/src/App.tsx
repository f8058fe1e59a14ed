import { useTranslation } from "react-i18next";
import { Link, Route, Routes } from "react-router-dom";
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
      {demo && <DemoBanner />}
      {state.kind === "loading" && <main id="main"><p role="status">{t("common.loading")}</p></main>}
      {state.kind === "signedOut" && <SignIn expired={state.expired} />}
      {state.kind === "signedIn" && (
        <>
          <Header session={state.session} />
          <Routes>
            <Route path="/" element={<Dashboard session={state.session} />} />
            <Route path="/persons/:id" element={<PersonPage session={state.session} />} />
            <Route path="/measures/:id" element={<MeasurePage session={state.session} />} />
            <Route path="/cases/:id" element={<CasePage session={state.session} />} />
            <Route path="/registrations" element={<ReviewQueuePage session={state.session} />} />
            <Route path="/registrations/:id" element={<RegistrationPage />} />
            <Route path="/incidents" element={<IncidentsPage session={state.session} />} />
            <Route path="/incidents/:id" element={<IncidentPage session={state.session} />} />
            <Route path="/meetings" element={<MeetingsPage session={state.session} />} />
            <Route path="/meetings/:id" element={<MeetingPage session={state.session} />} />
            <Route path="/indicators" element={<IndicatorsPage session={state.session} />} />
            <Route path="/map" element={<MapPage />} />
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
