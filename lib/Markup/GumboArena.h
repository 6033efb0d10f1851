//===- Markup/GumboArena.h - Memory for one gumbo parse ---------*- C++ -*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// An allocator for gumbo (GumboOptions::allocator/deallocator) that lives
/// for one parse. gumbo allocates a node, a vector or a string buffer for
/// nearly every token and frees many of them again at once; through malloc
/// that was about a tenth of an HTML run. Small blocks come from 64 KB chunks
/// with a free list per 16-byte size class, so freed blocks are reused and
/// memory stays at the tree's live size; large ones go to malloc. Dropping
/// the arena frees the whole tree at once, so gumbo_destroy_output() (a
/// second walk over every node) is not needed.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_MARKUP_GUMBOARENA_H
#define CLAIMLINT_MARKUP_GUMBOARENA_H

#include <cstddef>
#include <vector>

namespace claimlint {

class GumboArena {
public:
  GumboArena() = default;
  ~GumboArena();
  GumboArena(const GumboArena &) = delete;
  GumboArena &operator=(const GumboArena &) = delete;

  void *allocate(size_t Size);
  void deallocate(void *Ptr);

  /// For GumboOptions: userdata is the arena.
  static void *allocateFn(void *Self, size_t Size) {
    return static_cast<GumboArena *>(Self)->allocate(Size);
  }
  static void deallocateFn(void *Self, void *Ptr) {
    static_cast<GumboArena *>(Self)->deallocate(Ptr);
  }

  /// Bytes in chunks and large blocks now (for tests).
  size_t bytesHeld() const { return ChunkBytes + LargeBytes; }

private:
  static constexpr size_t Align = 16;
  static constexpr size_t Classes = 32; ///< small: up to 512 bytes
  static constexpr size_t ChunkSize = 64 << 10;

  struct Large; ///< header of a block from malloc
  struct FreeBlock {
    FreeBlock *Next;
  };

  std::vector<char *> Chunks;
  char *Cur = nullptr, *End = nullptr;
  FreeBlock *Free[Classes] = {};
  Large *LargeList = nullptr; ///< still allocated, freed with the arena
  size_t ChunkBytes = 0, LargeBytes = 0;
};

} // namespace claimlint

#endif // CLAIMLINT_MARKUP_GUMBOARENA_H
