import { afterEach, describe, expect, it } from "vitest";
import { checkWebhookUrl, classifyAddress } from "./url-safety";

describe("classifyAddress", () => {
  it.each([
    ["8.8.8.8", "public"],
    ["127.0.0.1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.32.0.1", "public"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "metadata"],
    ["169.254.10.1", "link-local"],
    ["0.0.0.0", "reserved"],
    ["::1", "loopback"],
    ["fd12:3456::1", "private"],
    ["fe80::1", "link-local"],
    ["::ffff:10.0.0.1", "private"],
    ["2606:4700::1111", "public"],
  ])("%s is %s", (ip, kind) => {
    expect(classifyAddress(ip)).toBe(kind);
  });
});

describe("checkWebhookUrl", () => {
  afterEach(() => {
    delete process.env.WEBHOOKS_ALLOW_INSECURE_LOCALHOST;
  });

  it("requires https", async () => {
    expect(await checkWebhookUrl("http://8.8.8.8/hook")).toMatch(/https/);
    expect(await checkWebhookUrl("https://8.8.8.8/hook")).toBeNull();
  });

  it("refuses private, link-local and metadata hosts", async () => {
    expect(await checkWebhookUrl("https://10.0.0.5/x")).toMatch(/private/);
    expect(await checkWebhookUrl("https://169.254.169.254/latest/meta-data")).toMatch(/metadata/);
    expect(await checkWebhookUrl("https://[fe80::1]/x")).toMatch(/link-local/);
    expect(await checkWebhookUrl("https://metadata.google.internal/x")).toMatch(/internal/);
    expect(await checkWebhookUrl("not a url")).toMatch(/full URL/);
  });

  it("allows loopback over http only with WEBHOOKS_ALLOW_INSECURE_LOCALHOST=1", async () => {
    expect(await checkWebhookUrl("http://127.0.0.1:9000/hook")).not.toBeNull();
    process.env.WEBHOOKS_ALLOW_INSECURE_LOCALHOST = "1";
    expect(await checkWebhookUrl("http://127.0.0.1:9000/hook")).toBeNull();
    expect(await checkWebhookUrl("http://localhost:9000/hook")).toBeNull();
    expect(await checkWebhookUrl("http://10.0.0.1/hook")).toMatch(/https/);
  });
});
