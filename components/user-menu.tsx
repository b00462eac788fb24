'use client';

import { ChevronDown, LogOut, UserRound } from 'lucide-react';
import Link from 'next/link';
import { signOutAction } from '@/app/(auth)/actions';
import type { PublicUser } from '@/lib/users';
import { Badge } from './ui/badge';
import { Button } from './ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from './ui/dropdown-menu';

interface UserMenuProps {
  user: Pick<PublicUser, 'name' | 'email'>;
  roleName: string;
}

export function UserMenu({ user, roleName }: UserMenuProps) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" aria-label={`Account menu for ${user.name}`} className="max-w-56">
          <span aria-hidden="true" className="grid size-6 place-items-center rounded-full bg-secondary text-xs font-semibold text-secondary-foreground">
            {initial(user.name)}
          </span>
          <span className="hidden truncate sm:inline">{user.name}</span>
          <ChevronDown aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel className="flex flex-col gap-1">
          <span className="font-medium">{user.name}</span>
          <span className="truncate text-xs text-muted-foreground">{user.email}</span>
          <Badge variant="muted" className="mt-1 self-start">
            {roleName}
          </Badge>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account/profile">
            <UserRound aria-hidden="true" />
            Profile and account
          </Link>
        </DropdownMenuItem>
        <form action={signOutAction}>
          {/* Keep the menu open on select so the form is still in the page when it submits. */}
          <DropdownMenuItem asChild onSelect={(event) => event.preventDefault()}>
            <button type="submit" className="w-full text-left">
              <LogOut aria-hidden="true" />
              Sign out
            </button>
          </DropdownMenuItem>
        </form>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function initial(name: string): string {
  return name.trim().charAt(0).toUpperCase() || '?';
}
