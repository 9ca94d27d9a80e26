import { Flex, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './FormWithAside.module.css';

/**
 * A request form with panels beside it (the counterpart state's requirements, and any other
 * panel that helps while drafting): side by side on a wide window, the panels under the form
 * on a narrow one. The side column takes no room while none of its panels has anything to show.
 */
export function FormWithAside({ children, aside }: { children: ReactNode; aside: ReactNode }) {
  return (
    <Flex gap="md" align="flex-start" direction={{ base: 'column', lg: 'row' }}>
      <Stack gap="md" className={classes.form}>
        {children}
      </Stack>
      <Stack gap="md" component="aside" className={classes.aside}>
        {aside}
      </Stack>
    </Flex>
  );
}
