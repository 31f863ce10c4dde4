export { userColor } from "../../../shared/user-color";
