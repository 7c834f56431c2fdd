/** Steps to turn on virtualization in the firmware, with the keys each PC maker uses to open its setup. */
export const FIRMWARE_INSTRUCTIONS: readonly string[] = [
  'Open the firmware setup (BIOS/UEFI): in Windows, Settings → System → Recovery → Advanced startup → Restart now, then Troubleshoot → Advanced options → UEFI Firmware Settings; or press the maker\'s key while the PC starts.',
  'Keys by maker: Dell F2 (F12 for the boot menu), HP F10 (or Esc, then F10), Lenovo ThinkPad F1 (or Enter, then F1), Lenovo IdeaPad F2 or the Novo button, ASUS F2 or Delete, Acer F2 or Delete, MSI Delete, Gigabyte Delete, Microsoft Surface: hold Volume Up while pressing Power.',
  'Turn on "Intel Virtualization Technology" (VT-x, often under Advanced → CPU Configuration) or "SVM Mode" (AMD-V, often under Advanced → CPU Configuration or OC → Advanced CPU Configuration).',
  'Save and exit (usually F10), let Windows start, and open Lightdock again: the wizard carries on from here.',
];

/** Steps to restart Windows so pending changes take effect. */
export const RESTART_INSTRUCTIONS: readonly string[] = [
  'Save your work and restart Windows (Start → Power → Restart), not Shut down: a pending feature is applied during the restart.',
  'Open Lightdock again: the wizard carries on where it stopped.',
];

