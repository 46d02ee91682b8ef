import type { User } from "../../model/records";
import { LOGO_MAX_BYTES, type SiteSettings } from "../../site/settings";
import { AdminLayout } from "./AdminLayout";
import { CsrfField } from "./CsrfField";

/** The form's values as typed (strings), so a refused save shows what the admin entered. */
export type SettingsFormValues = Record<keyof SiteSettings, string>;

const FIELDS: {
  name: keyof SiteSettings;
  label: string;
  hint?: string;
  type?: "text" | "number" | "tel" | "email";
  max: number;
  required?: boolean;
}[] = [
  { name: "name", label: "Tên báo", max: 100, required: true },
  {
    name: "shortName",
    label: "Tên ngắn",
    hint: "(trên màn hình điện thoại, biểu tượng ứng dụng)",
    max: 40,
    required: true,
  },
  { name: "tagline", label: "Khẩu hiệu", max: 160 },
  {
    name: "logoImageId",
    label: "Logo: mã ảnh trong thư viện",
    hint: `(ảnh PNG hoặc WebP, tối đa ${LOGO_MAX_BYTES / 1024} KB; để trống thì hiện tên báo bằng chữ)`,
    type: "number",
    max: 12,
  },
  {
    name: "brandColor",
    label: "Màu nhận diện",
    hint: "(#rrggbb; phải đủ tương phản trên nền trắng)",
    max: 7,
    required: true,
  },
  { name: "agency", label: "Cơ quan chủ quản", max: 200 },
  { name: "licenceNumber", label: "Số giấy phép", hint: "(ví dụ: 123/GP-BTTTT ngày 01/01/2024)", max: 200 },
  { name: "licenceIssuer", label: "Cơ quan cấp phép", max: 200 },
  { name: "editorInChief", label: "Tổng biên tập", max: 100 },
  { name: "address", label: "Địa chỉ tòa soạn", max: 300 },
  { name: "phone", label: "Điện thoại", type: "tel", max: 60 },
  { name: "email", label: "Email", type: "email", max: 200 },
];

export function SettingsPage({
  user,
  csrf,
  values,
  errors = {},
  notice,
  error,
}: {
  user: User;
  csrf: string;
  values: SettingsFormValues;
  errors?: Partial<Record<keyof SiteSettings, string>>;
  notice?: string | null;
  error?: string | null;
}) {
  return (
    <AdminLayout title="Cài đặt trang báo" user={user} csrf={csrf} notice={notice} error={error}>
      <form method="post" action="/admin/cai-dat" class="card">
        <CsrfField token={csrf} />
        {FIELDS.map((f) => (
          <>
            <label for={f.name}>
              {f.label} {f.hint && <span class="hint">{f.hint}</span>}
            </label>
            {f.name === "brandColor" ? (
              <span class="colour">
                <input
                  id="brandColor"
                  name="brandColor"
                  type="text"
                  value={values.brandColor}
                  required
                  maxLength={7}
                  pattern="#[0-9a-fA-F]{6}"
                  aria-invalid={errors.brandColor ? "true" : undefined}
                  aria-describedby={errors.brandColor ? "brandColor-error" : undefined}
                />
                <span
                  class="swatch"
                  style={`background:${/^#[0-9a-f]{6}$/i.test(values.brandColor) ? values.brandColor : "transparent"}`}
                  aria-hidden="true"
                ></span>
              </span>
            ) : (
              <input
                id={f.name}
                name={f.name}
                type={f.type ?? "text"}
                list={undefined}
                value={values[f.name]}
                maxLength={f.max}
                required={f.required}
                min={f.type === "number" ? 1 : undefined}
                aria-invalid={errors[f.name] ? "true" : undefined}
                aria-describedby={errors[f.name] ? `${f.name}-error` : undefined}
              />
            )}
            {errors[f.name] && (
              <p class="field-error" id={`${f.name}-error`}>
                {errors[f.name]}
              </p>
            )}
          </>
        ))}
        <div class="actions">
          <button type="submit">Lưu cài đặt</button>
        </div>
        <p class="hint">Thay đổi hiện ngay trên mọi trang.</p>
      </form>
    </AdminLayout>
  );
}
