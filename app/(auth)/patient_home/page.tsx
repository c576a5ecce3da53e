import { signInPage } from "../sign-in-page";

const { metadata, Page } = signInPage("patient");
export { metadata };
export default Page;
