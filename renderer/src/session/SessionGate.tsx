import { Alert, Button, Center, Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedIn, SignedInUser } from '../../../contract/accounts.ts';
import { ApiCallError, type ApiClient } from '../api/client.ts';
import { ApiProvider, useApi } from '../api/context.tsx';
import i18n, { currentLanguage } from '../i18n/index.ts';
import { navigate } from '../routing/routes.ts';
import { FirstRunScreen } from './FirstRunScreen.tsx';
import { useIdleLock } from './idle.ts';
import { LockScreen } from './LockScreen.tsx';
import { type Session, SessionContext } from './SessionContext.tsx';
import { SignInScreen } from './SignInScreen.tsx';
import { errorText } from '../components/error-text.ts';

interface SignedInState {
  user: SignedInUser;
  idleMinutes: number;
}

/**
 * Nothing of the register shows until someone is signed in: the first run creates the
 * administrator, then people sign in. Once in, the app is rendered with a client that locks the
 * screen when the main process says the session has ended, and the screen also locks after
 * the idle time with nobody at it. Locking keeps the app mounted under the lock screen, so
 * unlocking returns to exactly what was on screen; signing out unmounts it and empties every
 * cached answer, so the next person sees nothing of the last one's work.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: ['accounts.status'],
    queryFn: () => api.call('accounts.status', {}),
    staleTime: Number.POSITIVE_INFINITY,
  });
  // Undefined until someone signs in or out here; until then the status says who is in.
  const [signedIn, setSignedIn] = useState<SignedInState | null | undefined>(undefined);
  const [locked, setLocked] = useState(false);

  const lock = useCallback(() => {
    setLocked((already) => {
      // The session ends on the server too: whatever stays on screen, no call goes through.
      if (!already) void api.call('accounts.signOut', {}).catch(() => undefined);
      return true;
    });
  }, [api]);
  const lockRef = useRef(lock);
  useEffect(() => {
    lockRef.current = lock;
  }, [lock]);

  const guarded = useMemo<ApiClient>(
    () => ({
      async call(channel, input) {
        try {
          return await api.call(channel, input);
        } catch (e) {
          if (e instanceof ApiCallError && e.error.code === 'unauthenticated') lockRef.current();
          throw e;
        }
      },
    }),
    [api],
  );

  /** Forgets every answer but the status (which this gate reads): they were another session's. */
  const forgetAnswers = useCallback(
    () => queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'accounts.status' }),
    [queryClient],
  );
  /**
   * The person's own language, once signed in: the one they saved, or, if they have none yet
   * (or chose one on the lock screen, which only they can have used), the one on screen,
   * which is then saved for them. Saving is a courtesy: the screen does not wait for it.
   */
  const adoptLanguage = useCallback(
    (user: SignedInUser, onScreenWins: boolean): SignedInUser => {
      const shown = currentLanguage();
      if (user.language !== null && !onScreenWins) {
        if (user.language !== shown) void i18n.changeLanguage(user.language);
        return user;
      }
      if (user.language === shown) return user;
      void api.call('accounts.setLanguage', { language: shown }).catch(() => undefined);
      return { ...user, language: shown };
    },
    [api],
  );
  const enter = (result: SignedIn) => {
    forgetAnswers();
    setSignedIn({ user: adoptLanguage(result.user, false), idleMinutes: result.idleMinutes });
    setLocked(false);
  };
  const unlock = (result: SignedIn) => {
    setSignedIn({ user: adoptLanguage(result.user, true), idleMinutes: result.idleMinutes });
    setLocked(false);
    // What the screens show is fetched again on the new session.
    void queryClient.invalidateQueries();
  };
  const signOut = useCallback(async () => {
    await api.call('accounts.signOut', {}).catch(() => undefined);
    forgetAnswers();
    // Messages on screen were the last person's.
    notifications.clean();
    setSignedIn(null);
    setLocked(false);
    navigate({ screen: 'today' });
  }, [api, forgetAnswers]);

  const session = useMemo<Session | null>(() => {
    const user = signedIn !== undefined ? signedIn : status.data?.user ? status.data : null;
    return user === null || user.user === null
      ? null
      : { user: user.user, idleMinutes: user.idleMinutes, lock, signOut };
  }, [signedIn, status.data, lock, signOut]);

  // A window opened on a session already signed in (a reload) takes that person's language too.
  const adopted = useRef<number | null>(null);
  const statusUser = signedIn === undefined ? (status.data?.user ?? null) : null;
  useEffect(() => {
    if (statusUser === null || adopted.current === statusUser.id) return;
    adopted.current = statusUser.id;
    adoptLanguage(statusUser, false);
  }, [statusUser, adoptLanguage]);

  // While someone works without calling the register (reading, typing a long note), the
  // session is kept going; if it has ended meanwhile, the screen locks.
  const keepAlive = useCallback(() => {
    api.call('accounts.status', {}).then(
      (now) => now.user === null && lock(),
      () => undefined,
    );
  }, [api, lock]);
  useIdleLock(session?.idleMinutes ?? 15, session !== null && !locked, lock, keepAlive);

  if (status.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (status.isError) {
    return (
      <Center p="xl">
        <Alert color="red" role="alert" title={t('errors.storage')}>
          {errorText(t, status.error)}
          <Button variant="default" mt="sm" display="block" onClick={() => void status.refetch()}>
            {t('app.retry')}
          </Button>
        </Alert>
      </Center>
    );
  }
  if (session === null) {
    return status.data.firstRun && signedIn === undefined ? (
      <FirstRunScreen onCreated={enter} />
    ) : (
      <SignInScreen onSignedIn={enter} />
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <ApiProvider client={guarded}>
        {children}
        {locked && <LockScreen user={session.user} onUnlocked={unlock} onSignOut={() => void signOut()} />}
      </ApiProvider>
    </SessionContext.Provider>
  );
}
