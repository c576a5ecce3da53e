import { signInPage } from "../sign-in-page";

const { metadata, Page } = signInPage("secretary");
export { metadata };
export default Page;
