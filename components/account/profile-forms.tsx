'use client';

import { changePasswordAction, deleteAccountAction, updateProfileAction } from '@/app/account/profile/actions';
import { FormField } from '@/components/auth/form-field';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { AccountForm } from './account-form';

export interface ProfileValues {
  name: string;
  phone: string | null;
  time_zone: string | null;
}

/** Name, phone and the zone times are shown in ("" = the browser's zone). */
export function ProfileForm({ profile, zones }: { profile: ProfileValues; zones: string[] }) {
  return (
    <AccountForm
      action={updateProfileAction}
      submitLabel="Save profile"
      pendingLabel="Saving…"
      testId="profile-form"
      fields={(state) => (
        <>
          <FormField
            id="profile-name"
            name="name"
            label="Name"
            autoComplete="name"
            required
            defaultValue={state.values?.name ?? profile.name}
            errors={state.fields?.name}
          />
          <FormField
            id="profile-phone"
            name="phone"
            label="Phone (optional)"
            type="tel"
            autoComplete="tel"
            hint="With the country code, e.g. +44 20 7946 0000."
            defaultValue={state.values?.phone ?? (profile.phone ? `+${profile.phone}` : '')}
            errors={state.fields?.phone}
          />
          <div className="flex flex-col gap-2">
            <Label htmlFor="profile-zone">Time zone</Label>
            <NativeSelect
              id="profile-zone"
              name="time_zone"
              defaultValue={state.values?.time_zone ?? profile.time_zone ?? ''}
              aria-describedby={state.fields?.time_zone ? 'profile-zone-error' : 'profile-zone-hint'}
              aria-invalid={state.fields?.time_zone ? true : undefined}
            >
              <option value="">Use my browser&apos;s zone</option>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replaceAll('_', ' ')}
                </option>
              ))}
            </NativeSelect>
            <p id="profile-zone-hint" className="text-xs text-muted-foreground">
              Every time in the app is shown in this zone.
            </p>
            {state.fields?.time_zone ? (
              <p id="profile-zone-error" className="text-sm text-destructive">
                {state.fields.time_zone.join(' ')}
              </p>
            ) : null}
          </div>
        </>
      )}
    />
  );
}

/** Current and new password; on success every session ends and the browser goes to sign in. */
export function PasswordForm() {
  return (
    <AccountForm
      action={changePasswordAction}
      submitLabel="Change password"
      pendingLabel="Changing…"
      testId="password-form"
      fields={(state) => (
        <>
          <FormField
            id="current-password"
            name="current_password"
            label="Current password"
            type="password"
            autoComplete="current-password"
            required
            errors={state.fields?.current_password}
          />
          <FormField
            id="new-password"
            name="new_password"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint="At least 8 characters. You will be signed out everywhere, here too."
            required
            errors={state.fields?.new_password}
          />
        </>
      )}
    />
  );
}

/** The last step of deleting the account: the password, after what is erased and kept was shown. */
export function DeleteAccountForm() {
  return (
    <AccountForm
      action={deleteAccountAction}
      submitLabel="Delete my account for good"
      pendingLabel="Deleting…"
      testId="delete-account-form"
      fields={(state) => (
        <FormField
          id="delete-password"
          name="password"
          label="Your password, to confirm"
          type="password"
          autoComplete="current-password"
          required
          errors={state.fields?.password}
        />
      )}
    />
  );
}
