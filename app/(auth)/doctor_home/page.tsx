import { signInPage } from "../sign-in-page";

const { metadata, Page } = signInPage("doctor");
export { metadata };
export default Page;
