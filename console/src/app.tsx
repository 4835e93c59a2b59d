import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { ApiError, api, read } from './api';
import { Layout } from './components/layout';
import { PageBoundary } from './components/page-boundary';
import { ErrorState, Loading } from './components/states';
import { MeContext } from './me';

// One chunk per page: the first load carries only the shell and the page it opens.
const HomePage = lazy(() => import('./routes/home/home-page'));
const AccountsPage = lazy(() => import('./routes/accounts/accounts-page'));
const AccountPage = lazy(() => import('./routes/accounts/account-page'));
const InterviewsPage = lazy(() => import('./routes/interviews/interviews-page'));
const TranscriptPage = lazy(() => import('./routes/interviews/transcript-page'));
const InsightsPage = lazy(() => import('./routes/insights/insights-page'));
const GuidesPage = lazy(() => import('./routes/guides/guides-page'));
const GuidePage = lazy(() => import('./routes/guides/guide-page'));
const TriggersPage = lazy(() => import('./routes/triggers/triggers-page'));
const OutboxPage = lazy(() => import('./routes/outbox/outbox-page'));
const SettingsPage = lazy(() => import('./routes/settings/settings-page'));
const OperatingModelPage = lazy(() => import('./routes/operating-model/operating-model-page'));
const NotFoundPage = lazy(() => import('./routes/not-found-page'));

/** The signed-in app: who I am first, then the shell and the page. */
export function App() {
  const me = useQuery({ queryKey: ['me'], queryFn: () => read(api.GET('/me')), retry: false });
  const { pathname } = useLocation();
  if (me.isPending) return <Loading label="Opening Candor…" full />;
  if (me.isError) {
    // A 401 is already on its way to the sign-in page.
    if (me.error instanceof ApiError && me.error.status === 401) return <Loading label="Taking you to sign in…" full />;
    return (
      <main className="full-center">
        <ErrorState error={me.error} retry={() => me.refetch()} />
      </main>
    );
  }
  return (
    <MeContext value={me.data}>
      <Layout>
        <PageBoundary resetKey={pathname}>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route index element={<HomePage />} />
              <Route path="accounts" element={<AccountsPage />} />
              <Route path="accounts/:id" element={<AccountPage />} />
              <Route path="interviews" element={<InterviewsPage />} />
              <Route path="interviews/:id" element={<TranscriptPage />} />
              <Route path="insights" element={<InsightsPage />} />
              <Route path="guides" element={<GuidesPage />} />
              <Route path="guides/:id" element={<GuidePage />} />
              <Route path="triggers" element={<TriggersPage />} />
              <Route path="outbox" element={<OutboxPage />} />
              <Route path="settings" element={<SettingsPage />} />
              <Route path="operating-model" element={<OperatingModelPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Suspense>
        </PageBoundary>
      </Layout>
    </MeContext>
  );
}
