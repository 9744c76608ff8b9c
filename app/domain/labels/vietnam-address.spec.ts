import { describe, expect, it } from "vitest";
import { vietnameseAreas } from "./vietnam-address";

describe("vietnameseAreas", () => {
  it("reads ward and district from address2 and the province from its field", () => {
    expect(vietnameseAreas({ address1: "42 Đồng Khởi", address2: "Phường Bến Nghé, Quận 1", city: "Hồ Chí Minh", province: "Hồ Chí Minh" })).toEqual({
      ward: "Phường Bến Nghé",
      district: "Quận 1",
      province: "Hồ Chí Minh",
    });
  });

  it("takes the city as the district when it is not the province (Thủ Dầu Một in Bình Dương, Thủ Đức in Hồ Chí Minh)", () => {
    expect(vietnameseAreas({ address1: "Số 8, Đường VSIP II-A 12", address2: "KCN VSIP II, Phường Hòa Phú", city: "Thủ Dầu Một", province: "Bình Dương" })).toEqual({
      ward: "Phường Hòa Phú",
      district: "Thủ Dầu Một",
      province: "Bình Dương",
    });
    expect(vietnameseAreas({ address1: "12 Xuân Thủy", address2: "Phường Thảo Điền", city: "Thủ Đức", province: "Hồ Chí Minh" })?.district).toBe("Thủ Đức");
  });

  it("finds the parts in one comma-separated line and ignores a district that is the province", () => {
    expect(vietnameseAreas({ address1: "72 Thành Thái, Phường 14, Quận 10", city: "Thành phố Hồ Chí Minh", province: "Hồ Chí Minh" })).toEqual({
      ward: "Phường 14",
      district: "Quận 10",
      province: "Hồ Chí Minh",
    });
  });

  it("is null without a ward, a district or a province", () => {
    expect(vietnameseAreas({ address1: "42 Đồng Khởi", city: "Hồ Chí Minh", province: "Hồ Chí Minh" })).toBeNull();
    expect(vietnameseAreas({ address1: "42 Đồng Khởi", address2: "Phường Bến Nghé", city: "Hồ Chí Minh", province: "Hồ Chí Minh" })).toBeNull();
    expect(vietnameseAreas({ address1: "42 Đồng Khởi", address2: "Phường Bến Nghé, Quận 1", city: "Hồ Chí Minh", province: "" })).toBeNull();
  });
});
