import Link from 'next/link';
import type { ReactNode } from 'react';
import { CloudOff, Database } from 'lucide-react';
import type { Role } from '@/lib/auth/roles';
import { Badge } from '@/components/ui/badge';
import { Tooltip } from '@/components/ui/tooltip';
import { Logo } from './logo';
import { MobileNav } from './mobile-nav';
import { RoleBadge } from './role-badge';
import { SidebarNav } from './sidebar-nav';
import { SignOutButton } from './sign-out-button';
import { ThemeToggle } from './theme-toggle';

/** Says plainly where data and model calls go; `short` (header below 1280 px) keeps the gist. */
function EnvironmentBadges({ embeddedDb, simulatedAws, short }: { embeddedDb: boolean; simulatedAws: boolean; short?: boolean }) {
  const text = (full: string, brief: string) =>
    short ? (
      <>
        <span className="xl:hidden">{brief}</span>
        <span className="hidden xl:inline">{full}</span>
      </>
    ) : (
      full
    );
  return (
    <>
      {embeddedDb ? (
        <Tooltip content="Data lives in an embedded PostgreSQL on this machine. Set DATABASE_URL to use a shared server.">
          <Badge tone="amber" tabIndex={0} data-testid="embedded-db-badge">
            <Database className="size-3" aria-hidden />
            {text('Local: embedded database', 'Local DB')}
          </Badge>
        </Tooltip>
      ) : null}
      {simulatedAws ? (
        <Tooltip
          content={
            <span className="block space-y-1">
              <span className="block">Model calls go to a local stand-in that speaks the Bedrock runtime and CloudWatch protocols: answers, latency, streaming and throttling are simulated, nothing reaches AWS.</span>
              <span className="block">To use real AWS, set AWS credentials and a region (AWS_REGION), or PROMPTDECK_AWS_MODE=aws, and restart.</span>
            </span>
          }
        >
          <Badge tone="indigo" tabIndex={0} data-testid="simulated-aws-badge">
            <CloudOff className="size-3" aria-hidden />
            {text('Offline: simulated Bedrock', 'Simulated Bedrock')}
          </Badge>
        </Tooltip>
      ) : null}
    </>
  );
}

export function AppShell({
  user,
  isAdmin,
  canInvoke,
  canReview,
  embeddedDb,
  simulatedAws,
  children,
}: {
  user: { name: string; email: string; role: Role };
  isAdmin: boolean;
  canInvoke: boolean;
  canReview: boolean;
  embeddedDb: boolean;
  simulatedAws: boolean;
  children: ReactNode;
}) {
  const nav = <SidebarNav isAdmin={isAdmin} canInvoke={canInvoke} canReview={canReview} />;
  return (
    <div className="flex min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sm">
        Skip to content
      </a>
      <aside className="sticky top-0 hidden h-screen w-56 shrink-0 flex-col border-r border-zinc-200 bg-zinc-100/60 px-3 py-4 md:flex dark:border-zinc-800 dark:bg-zinc-900/40">
        <Link href="/prompts" className="mb-6 rounded-md px-2 py-1" aria-label="Promptdeck home">
          <Logo />
        </Link>
        {nav}
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-zinc-200 bg-white/80 px-4 backdrop-blur md:gap-3 md:px-6 dark:border-zinc-800 dark:bg-zinc-950/80">
          <MobileNav>
            <Link href="/prompts" className="mb-5 rounded-md px-2 py-1" aria-label="Promptdeck home">
              <Logo />
            </Link>
            {nav}
            <div className="mt-auto space-y-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
              <div className="flex flex-wrap gap-2 px-2" data-testid="environment-badges-mobile">
                <EnvironmentBadges embeddedDb={embeddedDb} simulatedAws={simulatedAws} />
              </div>
              <div className="px-2 leading-tight">
                <p className="truncate text-sm font-medium text-zinc-900 dark:text-zinc-100">{user.name}</p>
                <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{user.email}</p>
              </div>
              <div className="flex items-center justify-between gap-2 px-1">
                <RoleBadge role={user.role} />
                <SignOutButton />
              </div>
            </div>
          </MobileNav>
          <Link href="/prompts" className="md:hidden" aria-label="Promptdeck home">
            <Logo />
          </Link>
          <div className="hidden items-center gap-2 md:flex" data-testid="environment-badges">
            <EnvironmentBadges embeddedDb={embeddedDb} simulatedAws={simulatedAws} short />
          </div>
          <div className="ml-auto flex items-center gap-2 md:gap-3">
            <ThemeToggle />
            <div className="hidden h-6 w-px bg-zinc-200 md:block dark:bg-zinc-800" aria-hidden />
            <div className="flex items-center gap-2.5" data-testid="current-user">
              <span
                aria-hidden
                title={`${user.name} (${user.email})`}
                className="flex size-7 items-center justify-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-700 uppercase dark:bg-indigo-500/20 dark:text-indigo-300"
              >
                {(user.name || user.email).slice(0, 1)}
              </span>
              <div className="hidden leading-tight lg:block">
                <p className="text-sm font-medium text-zinc-900 dark:text-zinc-100">{user.name}</p>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">{user.email}</p>
              </div>
              <span className="hidden md:inline-flex">
                <RoleBadge role={user.role} />
              </span>
            </div>
            <span className="hidden md:inline-flex">
              <SignOutButton />
            </span>
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl min-w-0 flex-1 px-4 py-6 md:px-8 md:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
