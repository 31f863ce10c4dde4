// Meetings in calendars: the .ics download and the invitation mailed to the members.
const nl = {
  download: "In agenda zetten (.ics)",
  invite: {
    open: "Uitnodiging mailen",
    title: "Uitnodiging mailen",
    body: "Alle leden van de werkruimte krijgen een mail over «{{title}}» op {{date}}, met een agendabestand (.ics) als bijlage. Iedereen krijgt de mail in de eigen taal.",
    bodyPlace:
      "Alle leden van de werkruimte krijgen een mail over «{{title}}» op {{date}} in {{place}}, met een agendabestand (.ics) als bijlage. Iedereen krijgt de mail in de eigen taal.",
    send: "Versturen",
    sending: "Versturen…",
    sent_one: "Uitnodiging verstuurd naar {{count}} lid.",
    sent_other: "Uitnodiging verstuurd naar {{count}} leden.",
    mailOff: "E-mail staat uit op deze server: er kan geen uitnodiging verstuurd worden.",
    tooMany_one:
      "Er zijn het afgelopen uur al genoeg uitnodigingen voor deze vergadering verstuurd. Probeer het over {{count}} minuut opnieuw.",
    tooMany_other:
      "Er zijn het afgelopen uur al genoeg uitnodigingen voor deze vergadering verstuurd. Probeer het over {{count}} minuten opnieuw.",
  },
};

const en: typeof nl = {
  download: "Add to calendar (.ics)",
  invite: {
    open: "Mail invitation",
    title: "Mail invitation",
    body: "Every member of the workspace gets a mail about “{{title}}” on {{date}}, with a calendar file (.ics) attached. Everyone gets it in their own language.",
    bodyPlace:
      "Every member of the workspace gets a mail about “{{title}}” on {{date}} at {{place}}, with a calendar file (.ics) attached. Everyone gets it in their own language.",
    send: "Send",
    sending: "Sending…",
    sent_one: "Invitation sent to {{count}} member.",
    sent_other: "Invitation sent to {{count}} members.",
    mailOff: "Email is off on this server: no invitation can be sent.",
    tooMany_one:
      "Enough invitations for this meeting went out in the last hour. Try again in {{count}} minute.",
    tooMany_other:
      "Enough invitations for this meeting went out in the last hour. Try again in {{count}} minutes.",
  },
};

export default { nl, en };
