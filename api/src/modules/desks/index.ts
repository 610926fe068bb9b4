/**
 * desks: media outlets (organisations), their download grants and the takedown notices owed to them.
 * For now the tables and the notices a withdrawal creates; keys, downloads and delivery come with the
 * picture-desk module. Must never: notify an organisation that did not download the photo.
 */
export * from './desks.table.ts'
