export function Logo() {
  return (
    <span className="flex items-center gap-2">
      <span aria-hidden className="flex size-7 items-center justify-center rounded-md bg-gradient-to-br from-indigo-500 to-violet-600 text-white shadow-sm">
        <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth={2.2} strokeLinecap="round" strokeLinejoin="round">
          <rect x="4" y="3" width="13" height="16" rx="2" />
          <path d="M8 8h5M8 12h3" />
          <path d="M20 7v12a2 2 0 0 1-2 2H8" />
        </svg>
      </span>
      <span className="text-[15px] font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">Promptdeck</span>
    </span>
  );
}
