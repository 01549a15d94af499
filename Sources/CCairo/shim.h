#ifndef LOSSPLOT_CCAIRO_SHIM_H
#define LOSSPLOT_CCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>
/* Cairo's FreeType/fontconfig faces: fonts are resolved once, explicitly (see FontFaces.swift).
   cairo-ft.h brings FreeType's own header (freetype2, through pkg-config's cairo flags): text is
   kerned with FT_Get_Kerning on the face Cairo draws with (libfreetype is linked, module.modulemap). */
#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
/* zlib, for writing PNG quickly: Cairo's own PNG writer offers no control over speed. */
#include <zlib.h>
/* Swapping a report folder for its replacement in one step (Linux renameat2 RENAME_EXCHANGE), so
   the target is never missing. Glibc's renameat2 wrapper is hidden behind _GNU_SOURCE, so the
   system call is made directly; -1 with errno ENOSYS where the system has no renameat2. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/syscall.h>
static inline int lossplot_rename_exchange(const char *from, const char *to) {
#if defined(__linux__) && defined(SYS_renameat2)
    return (int)syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, 2u /* RENAME_EXCHANGE */);
#else
    (void)from; (void)to;
    errno = ENOSYS;
    return -1;
#endif
}
#endif
