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

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace claimlint {

llvm::Expected<std::string> readFile(llvm::StringRef Path) {
  auto Buf =
      Path == "-"
          ? llvm::MemoryBuffer::getSTDIN()
          : llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                        /*RequiresNullTerminator=*/false);
  if (!Buf)
    return makeError(Path + ": " + Buf.getError().message());
  return (*Buf)->getBuffer().str();
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
