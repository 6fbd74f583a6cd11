/**
 * Starter catalogue of CXM platforms a procurement team can add as candidates.
 *
 * The list covers every platform named in the project's source material on CXM
 * platform selection; it is a starting point, not a market map, so teams are
 * expected to add their own vendors alongside it.
 *
 * This is product content, not seed data: the app reads it at run time when a
 * CXM evaluation is created with the catalogue as its candidates
 * (services/evaluations.ts), so it lives with the server code that serves it.
 * It stays a typed module so every entry is checked against CatalogueVendor
 * and the fixed categories.
 */

/**
 * Coarse product families. Kept deliberately small so the catalogue can be
 * filtered without every vendor ending up in a category of its own.
 */
export const CATEGORIES = [
  'Experience platform',
  'Customer service',
  'Feedback & experience management',
  'Engagement & messaging',
  'Journey orchestration & mapping',
  'Digital analytics',
  'Advertising personalisation',
  'CRM suite',
] as const;

/** One of the fixed catalogue categories. */
export type Category = (typeof CATEGORIES)[number];

/** A platform from the CXM catalogue, as a candidate vendor is created from it. */
export interface CatalogueVendor {
  name: string;
  website: string;
  category: string;
  description: string;
}

/**
 * Typed against `Category` here (rather than the looser interface) so a typo in
 * a category is a compile error instead of a silently unfilterable vendor.
 */
type Entry = CatalogueVendor & { category: Category };

/** All catalogue platforms, grouped by product family. */
export const CATALOGUE: readonly CatalogueVendor[] = [
  // Broad suites first: they are the usual baseline the specialists are compared against.
  {
    name: 'Adobe Experience Manager',
    website: 'https://business.adobe.com/products/experience-manager/adobe-experience-manager.html',
    category: 'Experience platform',
    description:
      'Content and digital asset management system for building and delivering websites, apps and forms, with AI-assisted content and analytics features.',
  },
  {
    name: 'SAP Customer Experience',
    website: 'https://www.sap.com/products/crm.html',
    category: 'CRM suite',
    description:
      'SAP portfolio of commerce, sales, service, marketing and customer data cloud applications, designed to connect with SAP back-office systems.',
  },
  {
    name: 'Microsoft Dynamics 365',
    website: 'https://www.microsoft.com/dynamics-365',
    category: 'CRM suite',
    description:
      'Family of business applications covering sales, customer service, marketing and customer data, integrated with Microsoft 365, Azure and Power Platform.',
  },
  {
    name: 'HubSpot',
    website: 'https://www.hubspot.com/',
    category: 'CRM suite',
    description:
      'CRM platform with marketing, sales, service, content and operations modules that share one contact database; aimed largely at small and mid-sized firms.',
  },

  // Service desks: where assisted-channel experience is actually delivered.
  {
    name: 'Salesforce Service Cloud',
    website: 'https://www.salesforce.com/service/',
    category: 'Customer service',
    description:
      'Customer service application on the Salesforce platform offering case management, an omnichannel agent console, chatbots and guided workflows.',
  },
  {
    name: 'Zendesk',
    website: 'https://www.zendesk.com/',
    category: 'Customer service',
    description:
      'Cloud service desk combining ticketing, messaging, voice, a self-service help centre and AI agents for customer support teams.',
  },

  // Feedback and voice-of-customer tools.
  {
    name: 'Medallia',
    website: 'https://www.medallia.com/',
    category: 'Feedback & experience management',
    description:
      'Experience management platform that gathers survey, digital and contact-centre signals and analyses them to guide action on customer and employee experience.',
  },
  {
    name: 'Clarabridge',
    website: 'https://www.qualtrics.com/',
    category: 'Feedback & experience management',
    description:
      'Text and speech analytics for customer conversations and feedback; acquired by Qualtrics in 2021 and now offered within its XM platform.',
  },
  {
    name: 'ResponseTek',
    website: 'https://www.responsetek.com/',
    category: 'Feedback & experience management',
    description:
      'Voice-of-the-customer platform that sends surveys after customer interactions and reports satisfaction and loyalty results by touchpoint.',
  },
  {
    name: 'GetFeedback',
    website: 'https://www.getfeedback.com/',
    category: 'Feedback & experience management',
    description:
      'Survey tool for collecting customer feedback across email, web, mobile and support channels, with a close Salesforce integration.',
  },

  // Outbound engagement and messaging.
  {
    name: 'Infobip',
    website: 'https://www.infobip.com/',
    category: 'Engagement & messaging',
    description:
      'Communications platform offering SMS, WhatsApp and other chat apps, email and voice through APIs, plus tools for engagement campaigns and contact centres.',
  },
  {
    name: 'Braze',
    website: 'https://www.braze.com/',
    category: 'Engagement & messaging',
    description:
      'Customer engagement platform that sends push, in-app, email and SMS messages driven by live user behaviour data.',
  },

  // Journey design, orchestration and decisioning.
  {
    name: 'Thunderhead',
    website: 'https://www.thunderhead.com/',
    category: 'Journey orchestration & mapping',
    description:
      'Journey orchestration engine that interprets each customer interaction in real time and recommends the next-best action across channels.',
  },
  {
    name: 'SAS Adaptive Customer Experience',
    website: 'https://www.sas.com/',
    category: 'Journey orchestration & mapping',
    description:
      'SAS offering that uses analytics to choose personalised offers and content for web and mobile visitors during their session.',
  },
  {
    name: 'Cemantica',
    website: 'https://www.cemantica.com/',
    category: 'Journey orchestration & mapping',
    description:
      'Cloud tool for creating customer journey maps with personas, touchpoints, sentiment and KPIs, and for managing a portfolio of journeys.',
  },

  // Behavioural analytics and paid media.
  {
    name: 'IBM Tealeaf',
    website: 'https://www.acoustic.com/',
    category: 'Digital analytics',
    description:
      'Session replay and struggle analytics for web and mobile apps; the product moved from IBM to Acoustic in 2019.',
  },
  {
    name: 'RevJet',
    website: 'https://www.revjet.com/',
    category: 'Advertising personalisation',
    description:
      'Ad experience platform for designing, personalising, testing and serving ad creative across display, social and other paid channels.',
  },
] satisfies readonly Entry[];
