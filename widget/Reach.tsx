import type { FallbackContact } from '../shared/public-form';

// The vendor's other ways in (vendor.fallbackContact), when the form cannot load or be sent.
export const Reach = ({ c, t }: { c?: FallbackContact; t: string }) =>
  c?.email || c?.phone ? (
    <p>
      {t} {c.email && <a href={`mailto:${c.email}`}>{c.email}</a>} {c.phone && <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>{c.phone}</a>}
    </p>
  ) : null;
