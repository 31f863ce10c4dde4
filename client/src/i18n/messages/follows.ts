// Following themes and documents (their news comes in the digest).
const nl = {
  follow: "Volgen",
  following: "Volgend",
};

const en: typeof nl = {
  follow: "Follow",
  following: "Following",
};

export default { nl, en };
