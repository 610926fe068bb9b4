/**
 * Walkers over the four accepted containers (JPEG segments, PNG chunks, WebP RIFF chunks, TIFF IFDs). They
 * find where metadata blocks are and where the image ends; privacy.ts decides what the blocks mean.
 *
 * Each walker is a generator that yields read requests ({ offset, length }) and receives the bytes, so the
 * same code runs synchronously over a Buffer (endOfImageOk on our own output) and asynchronously over a file
 * (inspecting an upload without loading it whole). Every length read from the file is bounded: a hostile
 * file can make a walker stop early, never allocate without limit or loop forever.
 *
 * Specs: JPEG ITU T.81 Annex B; Exif 3.0 (CIPA DC-008-2023) §4.5; PNG 3rd ed. (W3C 2025) §5, APNG §4;
 * WebP container RFC 9649; TIFF 6.0 §2 and BigTIFF; XMP part 3 §1.1 (JPEG, PNG, TIFF), Photoshop IRB
 * ("Adobe Photoshop File Formats Specification", Image Resource Blocks); C2PA 2.1 §A.3 (JUMBF embedding).
 *
 * Split by container: containers.read.ts (the shared reads, ICC texts), containers.jpeg.ts, containers.png.ts (PNG, WebP, AVIF ends),
 * containers.tiff.ts (TIFF/EXIF, GIF).
 */
export * from './containers.read.ts'
export * from './containers.jpeg.ts'
export * from './containers.png.ts'
export * from './containers.tiff.ts'
