//===- Audit/Progress.cpp - A progress bar on stderr ----------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Audit/Progress.h"

#include "llvm/Support/Format.h"

#include <algorithm>

namespace claimlint {

std::string ProgressBar::line(double Seconds, unsigned Width) const {
  std::string S;
  llvm::raw_string_ostream L(S);
  double Frac = Total ? std::min(1.0, double(Done) / double(Total)) : 0;
  const unsigned BarWidth = 24;
  auto Filled = static_cast<unsigned>(Frac * BarWidth + 0.5);
  L << '[' << std::string(Filled, '#') << std::string(BarWidth - Filled, '.')
    << "] " << Done << '/' << Total << ' ' << Unit;
  if (Bytes > 0 && Seconds > 0)
    L << "  " << llvm::format("%.1f", double(Bytes) / 1e6 / Seconds) << " MB/s";
  if (Done > 0 && Total > Done && Seconds > 0) {
    auto Left = static_cast<unsigned>(
        Seconds * double(Total - Done) / double(Done) + 0.5);
    L << "  ETA " << Left / 60 << ':' << llvm::format("%02u", Left % 60);
  }
  L.flush();
  if (S.size() > Width)
    S.resize(Width);
  return S;
}

void ProgressBar::draw(bool Force) {
  if (!Enabled)
    return;
  auto Now = std::chrono::steady_clock::now();
  if (!Force && Drawn && Now - LastDraw < std::chrono::milliseconds(100))
    return;
  LastDraw = Now;
  Drawn = true;
  double Secs = std::chrono::duration<double>(Now - Start).count();
  // "\r" back to the start of the line, ESC[K clears what is left of it.
  OS << '\r' << line(Secs) << "\x1b[K";
  OS.flush();
}

void ProgressBar::update(size_t NewDone, size_t NewTotal) {
  Done = NewDone;
  Total = std::max(NewTotal, NewDone);
  draw(false);
}

void ProgressBar::advance(uint64_t N) {
  ++Done;
  Bytes += N;
  draw(Done == Total);
}

void ProgressBar::finish() {
  if (!Enabled || !Drawn)
    return;
  OS << "\r\x1b[K";
  OS.flush();
  Drawn = false;
}

} // namespace claimlint
