/**
 * Criteria templates a new evaluation can start from.
 *
 * The CXM template follows the platform checklist and the six evaluation
 * questions for CXM software in the project's source material, regrouped into
 * five areas a procurement panel can weigh against each other.
 *
 * This is product content, not seed data: the app reads it at run time when an
 * evaluation is created from a template (services/evaluations.ts), so it lives
 * with the server code that serves it. It stays a typed module rather than a
 * JSON file so a malformed rubric fails the type check.
 */

import type { CriterionKind } from '../domain/types.js';

/** How a criterion contributes; the one definition lives in the domain. */
export type { CriterionKind };

/** One criterion of a template; rubric has exactly six one-line anchors for scale levels 0,1,2,3,4,5 (a 0–5 scale; other scales map onto them proportionally). */
export interface TemplateCriterion {
  name: string;
  description: string;
  kind: CriterionKind;
  rubric: readonly string[];
  children: readonly TemplateCriterion[];
}

/**
 * A six-tuple so a missing or extra anchor fails to compile; the array index is
 * the scale level, which is why anchors carry no "0 —" prefix of their own.
 */
type Rubric = readonly [string, string, string, string, string, string];

function scored(
  name: string,
  description: string,
  rubric: Rubric,
  children: readonly TemplateCriterion[] = [],
): TemplateCriterion {
  return { name, description, kind: 'scored', rubric, children };
}

/** Five-area CXM platform template: omnichannel, real-time data, integration, analytics, privacy & trust. */
export const CXM_CORE: readonly TemplateCriterion[] = [
  scored(
    'Omnichannel',
    'How consistently the platform serves customers on every channel they choose, online and offline.',
    [
      'One channel only; no omnichannel capability',
      'A few channels, each run as a separate silo',
      'Main digital channels supported, but context is lost between them',
      'Most channels supported with partly shared customer context',
      'All relevant channels share customer context, with minor gaps',
      'Every channel, online and offline, works from one shared customer context',
    ],
    [
      scored(
        'Channel coverage',
        'Breadth of owned, paid and assisted channels (web, app, email, SMS, chat apps, voice, store, agent) served natively.',
        [
          'Single channel only',
          'Two or three digital channels; no assisted channels',
          'Core digital channels; voice or agent channels need third-party tools',
          'Digital and assisted channels covered; some chat apps missing',
          'Nearly all owned, paid and assisted channels covered natively',
          'All owned, paid and assisted channels with one shared context',
        ],
      ),
      scored(
        'Cross-channel journey orchestration',
        'Ability to design, run and adjust customer journeys that move between channels without losing their state.',
        [
          'No journey design; each channel sends messages independently',
          'Fixed campaign sequences within a single channel',
          'Multi-step journeys across channels, but every change needs IT',
          'Visual journey builder spanning channels, branching on events',
          'Journeys react to live behaviour and hand over between channels cleanly',
          'Journeys adapt per customer in the moment, with testing and goal-based optimisation',
        ],
      ),
      scored(
        'Personalisation across channels',
        'Degree to which content, offers and service are tailored to the individual and kept consistent on every channel.',
        [
          'No personalisation; everyone sees the same content',
          'Name and mail-merge fields only',
          'Rule-based segments configured separately per channel',
          'Shared segments and content rules applied across most channels',
          'Individual-level recommendations applied consistently across channels',
          'Self-learning one-to-one personalisation, consistent everywhere and adapting to change',
        ],
      ),
    ],
  ),

  scored(
    'Real-time data',
    'Whether customer data is held in one place and kept current quickly enough to act on during an interaction.',
    [
      'Data scattered across systems; no unified view',
      'Periodic batch exports consolidated by hand',
      'Central store refreshed daily; nothing updates in-session',
      'Central store with near-real-time updates from key sources',
      'Real-time unified profiles for most sources, usable mid-interaction',
      'Streaming unified profiles from all sources, acted on within the interaction',
    ],
    [
      scored(
        'Central customer data store',
        'A single store that unifies customer records and events, giving both an individual and an aggregate view of customers.',
        [
          'No central store; data stays in the source systems',
          'Warehouse copy of data without identity resolution',
          'Central store matching customers on a single identifier',
          'Unified profiles with rule-based identity resolution across sources',
          'Unified profiles plus segment-level views for spotting patterns and trends',
          'Governed single source of truth with robust identity resolution and both views',
        ],
      ),
      scored(
        'Real-time profile enrichment',
        'How quickly new behaviour, transactions and feedback are added to the customer profile.',
        [
          'Profiles are never updated after creation',
          'Manual or monthly profile updates',
          'Nightly batch enrichment',
          'Updates within minutes from the main sources',
          'Sub-second updates from web, app and service events',
          'Streaming enrichment from every source, including derived scores, within the session',
        ],
      ),
      scored(
        'Real-time automated action',
        'Capacity to trigger the right action for the right customer automatically, at the moment it has most effect.',
        [
          'No automated actions; all follow-up is manual',
          'Scheduled batch campaigns only',
          'Simple event triggers that fire hours later',
          'Rule-based event triggers firing within minutes',
          'In-session triggers and next-best action on key channels',
          'Next-best action decided and executed in milliseconds on every channel, with guardrails',
        ],
      ),
    ],
  ),

  scored(
    'Integration',
    'How easily the platform exchanges data with the systems the organisation runs today and will add later.',
    [
      'Closed system; no way to exchange data',
      'File import and export only',
      'A few prebuilt connectors; custom work for everything else',
      'Connectors for the main systems plus documented APIs',
      'Broad connector catalogue, complete APIs and event streaming',
      'Fits the whole estate through maintained connectors, open APIs and low-code tooling',
    ],
    [
      scored(
        'CRM, HR and finance connectors',
        'Availability and maturity of prebuilt connectors to the CRM, HR, finance and web analytics systems in use.',
        [
          'No connectors to our CRM, HR or finance systems',
          'Connections only through third-party middleware',
          'CRM connector only, syncing one way',
          'Two-way CRM connector; HR and finance through generic tools',
          'Vendor-maintained two-way connectors for CRM, HR and finance',
          'Certified, two-way, near-real-time connectors for all our core systems',
        ],
      ),
      scored(
        'Open APIs',
        'Completeness, documentation and stability of the public APIs, webhooks and SDKs for reading and writing platform data.',
        [
          'No public API',
          'Limited, read-only or undocumented API',
          'Documented API covering part of the data model',
          'Read/write API for most objects, with webhooks',
          'Complete, versioned APIs with SDKs and a sandbox',
          'Complete, standards-based APIs with SDKs, event streams and a published deprecation policy',
        ],
      ),
      scored(
        'Fit with current ecosystem',
        'How well the platform fits the existing technology stack, identity provider, hosting choices and team skills.',
        [
          'Requires replacing core systems we intend to keep',
          'Major conflicts with our stack, hosting or identity provider',
          'Runs alongside our stack only with substantial custom glue',
          'Fits our stack with moderate configuration',
          'Fits our stack and single sign-on out of the box; skills easy to find',
          'Native fit with our stack, sign-on and hosting; our teams can run it today',
        ],
      ),
      scored(
        'Capacity for growth',
        'Ability to absorb higher volumes, new markets and new use cases without moving to another platform.',
        [
          'Already at its limits for our current volumes',
          'Copes with today’s volume; growth would force a new platform',
          'Scales only through costly re-architecture or downtime',
          'Scales to projected volumes; new markets need extra setup',
          'Elastic scaling and modular add-ons for new markets and use cases',
          'Proven at far larger scale; new capabilities, including AI, extend it without migration',
        ],
      ),
    ],
  ),

  scored(
    'Analytics',
    'How well the platform turns experience data into insight that teams can read and act on quickly.',
    [
      'No analytics or reporting',
      'Static exports for analysis in other tools',
      'Standard descriptive reports only',
      'Configurable dashboards plus some text or predictive features',
      'Self-service dashboards, predictive models and text analytics',
      'Descriptive, predictive and text analytics combined and feeding actions directly',
    ],
    [
      scored(
        'Dashboards & usability',
        'How clearly and easily the user interface presents CX metrics to the people who have to act on them.',
        [
          'No dashboards; specialists must query the data',
          'Fixed reports that are hard to read or navigate',
          'Standard dashboards with little customisation',
          'Configurable dashboards usable by trained analysts',
          'Role-based self-service dashboards that business users adopt readily',
          'Intuitive role-based dashboards with drill-down to single customers and change alerts',
        ],
      ),
      scored(
        'Predictive analytics',
        'Use of statistical and machine-learning models to anticipate customer behaviour such as churn, propensity and lifetime value.',
        [
          'No predictive capability',
          'Predictions only by exporting data to external tools',
          'A few fixed scores with no explanation',
          'Prebuilt models for common outcomes, with some tuning',
          'Custom models with explanations and drift monitoring',
          'Full model lifecycle with explainable, bias-checked predictions used in live decisions',
        ],
      ),
      scored(
        'Text & sentiment analysis',
        'Analysis of free-text and spoken feedback to surface topics, sentiment and emerging issues.',
        [
          'Free text is stored but never analysed',
          'Keyword search only',
          'Basic positive/negative sentiment in one language',
          'Topic and sentiment detection in our main languages',
          'Accurate topics, sentiment and emotion across languages, speech included',
          'Multilingual, domain-tuned text and speech analytics that points to root causes',
        ],
      ),
    ],
  ),

  scored(
    'Privacy & trust',
    'Whether the platform helps protect customer data and earn customer trust while meeting legal obligations.',
    [
      'Known privacy or security gaps that rule it out',
      'Basic controls; compliance relies on our own workarounds',
      'Core regulatory features present, with gaps in consent or residency',
      'Meets our regulatory needs with standard controls',
      'Strong consent, residency and security controls, independently audited',
      'Privacy by design throughout, audited controls and full transparency to customers',
    ],
    [
      scored(
        'Consent & preference management',
        'Capture, storage and enforcement of customer consent and communication preferences on every channel.',
        [
          'No record of consent or preferences',
          'Per-channel opt-out flag maintained by hand',
          'Consent stored centrally but not enforced automatically',
          'Purpose-level consent enforced on outbound channels',
          'Granular consent with audit trail, enforced everywhere, plus a self-service centre',
          'Real-time purpose-level consent enforced in all processing, with full history and self-service',
        ],
      ),
      scored(
        'Data residency & compliance',
        'Control over where data is stored and processed, and support for GDPR and sector rules including data-subject requests.',
        [
          'Data location unknown or outside permitted regions',
          'Fixed hosting region; data-subject requests handled by hand',
          'Region can be chosen, but backups or support access leave it',
          'Data stays in the chosen region; tools for access and deletion requests',
          'Regional isolation, automated data-subject requests and retention rules',
          'Fully in-region processing, automated rights handling and a DPA with audit rights',
        ],
      ),
      scored(
        'Security certifications',
        'Independently verified security controls such as ISO/IEC 27001 or SOC 2, backed by encryption and access control.',
        [
          'No certifications and no security documentation',
          'Self-assessed security questionnaire only',
          'Certification in progress or covering only part of the service',
          'ISO/IEC 27001 or SOC 2 Type II covering the service in scope',
          'Several current certifications, regular penetration tests and customer-managed keys',
          'Broad certification set including sector schemes, shared reports and continuous testing',
        ],
      ),
    ],
  ),
];

/** Empty template for teams that prefer to build their criteria tree from scratch. */
export const BLANK: readonly TemplateCriterion[] = [];

/** Templates selectable when creating an evaluation, keyed by their stable identifier. */
export const TEMPLATES = { 'cxm-core': CXM_CORE, blank: BLANK } as const;

/** Identifier of a selectable template. */
export type TemplateName = keyof typeof TEMPLATES;
