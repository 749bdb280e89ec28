import { z } from 'zod';
import { RoleSchema } from './roles';

export const PasswordSchema = z.string().min(8, 'Use at least 8 characters.').max(200, 'At most 200 characters.');
export const EmailSchema = z.email('Enter a valid email address.').max(254).transform((e) => e.toLowerCase());

export const LoginSchema = z.object({ email: EmailSchema, password: z.string().min(1, 'Enter your password.').max(200) }).strict();
export type LoginInput = z.infer<typeof LoginSchema>;

export const SetupSchema = z
  .object({ name: z.string().trim().min(1, 'Enter your name.').max(100), email: EmailSchema, password: PasswordSchema })
  .strict();
export type SetupInput = z.infer<typeof SetupSchema>;

export const CreateUserSchema = SetupSchema.extend({ role: RoleSchema }).strict();
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

export const UpdateUserSchema = z
  .object({ role: RoleSchema.optional(), disabled: z.boolean().optional(), password: PasswordSchema.optional() })
  .strict();

export const CreateApiKeySchema = z
  .object({ name: z.string().trim().min(1, 'Name the key after what uses it.').max(100), role: RoleSchema })
  .strict();
export type CreateApiKeyInput = z.infer<typeof CreateApiKeySchema>;
