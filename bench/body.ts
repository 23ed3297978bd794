// The API.md example submission as a template: __ID__ becomes a fresh submissionId and __N__ a
// number unique to the request (its own company and email domain, so no account ownership).

export function benchBody(formToken?: string): string {
  return JSON.stringify({
    submissionId: '__ID__',
    language: 'nl',
    process: { accepted: false, deviation: 'We need a pilot before any proposal.' },
    answers: {
      stage: 'comparing',
      budget: 'approved',
      decisionProcess: 'roughly',
      timeline: '3m',
      costOfInaction: 'Our current planning tool is end-of-life in June.',
    },
    stakeholders: {
      roles: [
        { role: 'decision-maker', involved: true },
        { role: 'it', involved: false },
      ],
      finalSay: 'committee',
      orgInterest: 'One planning tool for all sites',
      personalInterest: 'Less manual work for my team',
    },
    contact: {
      name: 'Sanne Visser',
      email: 'sanne@company-__N__.example',
      company: 'Company __N__',
      phone: '+31 6 12345678',
      country: 'NL',
      companySize: '50-249',
      message: 'Can we talk next week?',
      consent: true,
    },
    context: { pageUrl: 'https://www.zeilmaker.example/contact', referrer: '', utm: { source: 'newsletter' } },
    ...(formToken ? { formToken } : {}),
  });
}
