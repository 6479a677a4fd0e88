// PUT /api/v1/customer-data - the older capture's path of Update Customer; same handler as /api/v1/customers/update
export { PUT } from "@/app/api/v1/customers/update/route";
