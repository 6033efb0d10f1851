//===- Support/FileSystem.cpp - Reading and writing files -----------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Support/FileSystem.h"

#include "Support/Error.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace claimlint {

namespace {
/// Offsets are 32-bit inside the engine; reading stops here.
constexpr uint64_t MaxFileBytes = (uint64_t(1) << 32) - 2;
} // namespace

// The file is read with read(2), never mapped: a mapped file that another
// process truncates while we copy it raises SIGBUS. Reading ends at end of
// file, so a file that shrinks or grows meanwhile gives the bytes read.
llvm::Expected<std::string> readFile(llvm::StringRef Path) {
  bool Stdin = Path == "-";
  int FD = Stdin ? 0 : ::open(Path.str().c_str(), O_RDONLY | O_CLOEXEC);
  if (FD < 0)
    return makeError(Path + ": " + std::strerror(errno));
  auto Fail = [&](const llvm::Twine &Why) {
    if (!Stdin)
      ::close(FD);
    return makeError(Path + ": " + Why);
  };
  struct stat St;
  if (::fstat(FD, &St) != 0)
    return Fail(std::strerror(errno));
  // A device (/dev/zero, a terminal) may never end; stdin may be one.
  if (!Stdin && (S_ISCHR(St.st_mode) || S_ISBLK(St.st_mode)))
    return Fail("not a regular file (a device)");
  std::string Out;
  size_t Len = 0;
  if (S_ISREG(St.st_mode) && uint64_t(St.st_size) < MaxFileBytes)
    Out.resize(static_cast<size_t>(St.st_size) + 1);
  while (true) {
    if (Len == Out.size()) // a regular file has one byte to spare: EOF
      Out.resize(std::max<size_t>(2 * Out.size(), 65536));
    ssize_t N = ::read(FD, &Out[Len], Out.size() - Len);
    if (N < 0) {
      if (errno == EINTR)
        continue;
      return Fail(std::strerror(errno));
    }
    if (N == 0)
      break;
    Len += static_cast<size_t>(N);
    if (Len > MaxFileBytes)
      return Fail("file is larger than 4 GiB");
  }
  if (!Stdin)
    ::close(FD);
  Out.resize(Len);
  return Out;
}

llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Data) {
  llvm::SmallString<256> Dir(Path);
  llvm::sys::path::remove_filename(Dir);
  if (Dir.empty())
    Dir = ".";
  llvm::SmallString<256> Tmp(Dir);
  llvm::sys::path::append(Tmp, "." + llvm::sys::path::filename(Path).str() +
                                   ".claimlint-XXXXXX");
  std::string TmpName(Tmp.str());
  int FD = mkstemp(TmpName.data());
  if (FD < 0)
    return makeError(
        Path + ": cannot create a temporary file: " + std::strerror(errno));
  auto Fail = [&](const char *What) {
    int E = errno;
    ::close(FD);
    ::unlink(TmpName.c_str());
    return makeError(Path + ": " + What + ": " + std::strerror(E));
  };
  struct stat St;
  if (::stat(Path.str().c_str(), &St) == 0)
    ::fchmod(FD, St.st_mode & 07777);
  size_t Done = 0;
  while (Done < Data.size()) {
    ssize_t N = ::write(FD, Data.data() + Done, Data.size() - Done);
    if (N < 0) {
      if (errno == EINTR)
        continue;
      return Fail("write failed");
    }
    Done += static_cast<size_t>(N);
  }
  if (::fsync(FD) != 0)
    return Fail("fsync failed");
  if (::close(FD) != 0) {
    ::unlink(TmpName.c_str());
    return makeError(Path + ": close failed");
  }
  if (::rename(TmpName.c_str(), Path.str().c_str()) != 0) {
    int E = errno;
    ::unlink(TmpName.c_str());
    return makeError(Path + ": rename failed: " + std::strerror(E));
  }
  return llvm::Error::success();
}

} // namespace claimlint
