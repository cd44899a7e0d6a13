import { createHash } from 'node:crypto';

/**
 * The page the browser lands on at the loopback redirect. Plain English and Welsh, no scripts and no
 * external assets: it is served from a listener that exists for a few seconds, and anything it loaded
 * from elsewhere could leak the authorization code through the Referer.
 */
export type LoopbackOutcome = 'success' | 'failure' | 'alreadyHandled';

interface PageText {
  readonly title: string;
  readonly heading: string;
  readonly body: string;
}

const TEXT: Record<LoopbackOutcome, { en: PageText; cy: PageText }> = {
  success: {
    en: { title: 'Sign-in finished', heading: 'You have signed in to Bluebag', body: 'Sign-in has finished. You can close this tab and go back to Bluebag.' },
    cy: { title: 'Mewngofnodi wedi gorffen', heading: 'Rydych wedi mewngofnodi i Bluebag', body: 'Mae’r mewngofnodi wedi gorffen. Gallwch gau’r tab hwn a mynd yn ôl i Bluebag.' },
  },
  failure: {
    en: { title: 'Sign-in did not finish', heading: 'Sign-in did not finish', body: 'You can close this tab. Go back to Bluebag to see what happened and try again.' },
    cy: { title: 'Ni orffennodd y mewngofnodi', heading: 'Ni orffennodd y mewngofnodi', body: 'Gallwch gau’r tab hwn. Ewch yn ôl i Bluebag i weld beth ddigwyddodd a rhoi cynnig arall arni.' },
  },
  alreadyHandled: {
    en: { title: 'Sign-in already handled', heading: 'This sign-in has already been handled', body: 'You can close this tab and go back to Bluebag.' },
    cy: { title: 'Mewngofnodi wedi’i drin yn barod', heading: 'Mae’r mewngofnodi hwn wedi’i drin yn barod', body: 'Gallwch gau’r tab hwn a mynd yn ôl i Bluebag.' },
  },
};

const STYLE =
  'body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;margin:0;color:#0b0c0c;background:#f3f2f1}' +
  'main{max-width:36rem;margin:48px auto;background:#fff;padding:24px 32px}' +
  'section+section{border-top:1px solid #b1b4b6;margin-top:24px}h1{font-size:1.5rem}';

/** The style is allowed by its hash, so the policy can stay `default-src 'none'` with no 'unsafe-inline'. */
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');
export const LOOPBACK_PAGE_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

export function loopbackPage(outcome: LoopbackOutcome): string {
  const { en, cy } = TEXT[outcome];
  // All text is fixed above: nothing from the request is echoed, so there is nothing to escape.
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${en.title} / ${cy.title} – Bluebag</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<section>
<h1>${en.heading}</h1>
<p>${en.body}</p>
</section>
<section lang="cy">
<h1>${cy.heading}</h1>
<p>${cy.body}</p>
</section>
</main>
</body>
</html>
`;
}
