import { signInPage } from "../../sign-in-page";

const { metadata, Page } = signInPage("support");
export { metadata };
export default Page;
