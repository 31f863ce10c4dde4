export { importsRoutes } from "./imports.routes";
export { type ImportCollab, ImportsService, type ImportWork } from "./imports.service";
