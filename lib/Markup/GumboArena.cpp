//===- Markup/GumboArena.cpp - Memory for one gumbo parse -----------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Markup/GumboArena.h"

#include "llvm/Support/ErrorHandling.h"

#include <cstdint>
#include <cstdlib>

namespace claimlint {

// Every block starts with a 16-byte header (keeping the user pointer 16-byte
// aligned) whose last word is the size class, or LargeTag.
namespace {
constexpr uint64_t LargeTag = ~uint64_t(0);
constexpr size_t Header = 16;
} // namespace

struct GumboArena::Large {
  Large *Prev, *Next; ///< the list of live large blocks
  size_t Size;
  uint64_t Tag; ///< LargeTag; sits just before the user pointer
};

GumboArena::~GumboArena() {
  for (char *C : Chunks)
    std::free(C);
  while (LargeList) {
    Large *N = LargeList->Next;
    std::free(LargeList);
    LargeList = N;
  }
}

void *GumboArena::allocate(size_t Size) {
  static_assert(sizeof(Large) % Align == 0, "large blocks stay aligned");
  size_t Class = (Size + Align - 1) / Align; // 0 for 0 bytes: one class up
  if (Class == 0)
    Class = 1;
  if (Class <= Classes) {
    if (FreeBlock *F = Free[Class - 1]) {
      Free[Class - 1] = F->Next;
      return F;
    }
    size_t Need = Header + Class * Align;
    if (static_cast<size_t>(End - Cur) < Need) {
      char *C = static_cast<char *>(std::malloc(ChunkSize));
      if (!C)
        llvm::report_bad_alloc_error("out of memory parsing HTML");
      Chunks.push_back(C);
      ChunkBytes += ChunkSize;
      Cur = C;
      End = C + ChunkSize;
    }
    char *P = Cur + Header;
    Cur += Need;
    reinterpret_cast<uint64_t *>(P)[-1] = Class;
    return P;
  }
  auto *L = static_cast<Large *>(std::malloc(sizeof(Large) + Size));
  if (!L)
    llvm::report_bad_alloc_error("out of memory parsing HTML");
  L->Prev = nullptr;
  L->Next = LargeList;
  if (LargeList)
    LargeList->Prev = L;
  LargeList = L;
  L->Size = Size;
  L->Tag = LargeTag;
  LargeBytes += Size;
  return L + 1;
}

void GumboArena::deallocate(void *Ptr) {
  if (!Ptr)
    return;
  uint64_t Tag = static_cast<uint64_t *>(Ptr)[-1];
  if (Tag != LargeTag) {
    auto *F = static_cast<FreeBlock *>(Ptr);
    F->Next = Free[Tag - 1];
    Free[Tag - 1] = F;
    return;
  }
  Large *L = static_cast<Large *>(Ptr) - 1;
  if (L->Prev)
    L->Prev->Next = L->Next;
  else
    LargeList = L->Next;
  if (L->Next)
    L->Next->Prev = L->Prev;
  LargeBytes -= L->Size;
  std::free(L);
}

} // namespace claimlint
