/**
 * collections: curators' ordered collections and exhibitions of published photos. Must never: put a photo
 * into an exhibition whose consent does not cover 'exhibition', or export one the gate does not show.
 */
export * from './collections.table.ts'
