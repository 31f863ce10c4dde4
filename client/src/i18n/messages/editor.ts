// Placeholder: the documents feature fills this namespace ("editor"). English must mirror Dutch.
const nl = {};
const en: typeof nl = {};

export default { nl, en };
