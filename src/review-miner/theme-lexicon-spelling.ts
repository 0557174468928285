// Lexicon for typo-spelling: the reviewer names the problem ("typo", "misspelled", "grammar"),
// quotes a doubled word, or quotes one of the misspellings that keep turning up in code and docs.
import { DOUBLED_WORD, e, w, type LexiconEntry } from './lexicon-entry';

/** Frequent misspellings seen in code, comments and docs (a reviewer quoting them is pointing one out). */
const MISSPELLINGS =
  'teh recieve recieved reciever recieving seperate seperated seperately seperator occured occuring occurence occurrance ' +
  'definately definetly accross adress adresses lenght lenth heigth widht paramter paramters parmeter paramater arguement ' +
  'arguements enviroment enviroments existant existance dependancy dependancies dependecy retreive retreived succesful ' +
  'successfull succesfully sucessfully begining commited comming untill wierd thier neccessary necesary neccesary ' +
  'accomodate acheive acheived noticable refered refering responsability sucess suceed supress tommorow truely writting ' +
  'similiar funtion fucntion functon retrun retun reponse resposne initalize intialize initialze instanciate availible ' +
  'avaliable availabe compatability compatibilty priviledge priviledges previlege wether cancelation explicitely ' +
  'implicitely unecessary unneccessary overriden reproducable guarentee garantee mesage messsage udpate upate calback ' +
  'valdiate vaildate exeption excpetion propery proprety attribtue usefull independant requried requred recomend ' +
  'reccomend appropiate approriate consistant enought containes alredy allready aswell alot becuase beacuse beleive ' +
  'buisness calender catagory collegue concious embarass foriegn goverment grammer harrass immediatly interupt ' +
  'knowlege libary lisence maintainance maintenence mispell mispelled occassion persistant posession prefered relevent ' +
  'rythm seige speach strech supercede tendancy threshhold unforseen wich withold varaible varible defualt dafault ' +
  'contructor constuctor instace heirarchy asyncronous syncronous accesible permision authentification authetication ' +
  'sepcify specifiy paramaters identifer identifers intial intially occurrs occure proccess proccessing procesing ' +
  'recurse recursivly sematic symantic transfered trasnform tranform verison versoin lanugage langauge exmaple examle ' +
  'documention docuement comparision compatiable desciption descripton imlement implmentation implemenation';

export const TYPO_SPELLING: LexiconEntry[] = [
  w(
    'typo typos misspell misspelled misspelling misspellings misspelt spelling spellings spelt spellcheck spellchecker codespell cspell',
    5,
    'typo',
  ),
  e(
    /\b(spelled|spelt|written) (wrong|wrongly|incorrectly)\b|\b(sp\.|\(sic\))|\b(missing|extra|additional|double|doubled|duplicated?|repeated) (an? )?(letter|word|["'“‘*]\w{1,12}["'”’*])|\b(double|doubled|duplicated?|repeated) words?\b|\bwords? (is )?(repeated|doubled|twice)\b/i,
    3.5,
    'spelling phrase',
    'spelled spelt written sp sic missing extra additional double doubled duplicate duplicated repeated word words',
  ),
  e(
    /(^|[\s(])["'“‘*_]+([A-Za-z]+) \2["'”’*_]+(?=[\s.,;:!?)]|$)/,
    3,
    'quotes a doubled word',
    DOUBLED_WORD,
  ),
  e(
    /(^|[\s(])(it's|its|their|there|they're|your|you're|then|than|affect|effect|lose|loose|whose|who's|to|too|were|where|we're|weather|whether|principal|principle|complement|compliment)["'”’*_]*,? (should be|instead of|->|→|=>|not|vs\.?|rather than)\s*["'“‘*_]*(it's|its|their|there|they're|your|you're|then|than|affect|effect|lose|loose|whose|who's|to|too|were|where|we're|weather|whether|principal|principle|complement|compliment)\b/i,
    3,
    'confused homophone',
    "it's its their there they're your you're then than affect effect lose loose whose who's too where we're weather whether principal principle complement compliment",
  ),
  e(
    /\b(did you mean|do you mean|you meant|i think you mean|i guess you mean|meant to (write|say|spell)|should read)\s*:?\s*["'“‘*_]+[a-z][a-z' -]{1,30}["'”’*_]+/i,
    2.5,
    'did you mean "word"',
    'mean meant read',
  ),
  e(
    /["“'‘*_][a-z][a-z-]*["”'’*_] (here |there |above )?(should be|is|needs to be|must be|has to be|ought to be) (in )?(singular|plural|capitali[sz]ed|lower-?case|upper-?case|hyphenated|one word|two words|spelled|spelt)\b/,
    3,
    'quoted word form',
    'singular plural capitalized capitalised lowercase uppercase lower upper hyphenated one two spelled spelt',
  ),
  w(
    'grammar grammatical ungrammatical punctuation apostrophe possessive contraction',
    2.5,
    'grammar',
  ),
  w(
    'capitalize capitalise capitalized capitalised capitalization capitalisation',
    1.5,
    'capitalisation',
  ),
  w(MISSPELLINGS, 1.5, 'common misspelling'),
  // A known misspelling quoted on its own ("recieve", `lenght`): the reviewer is pointing at it.
  e(
    new RegExp(`["'“‘*\`_](?:${MISSPELLINGS.replace(/ /g, '|')})["'”’*\`_]`, 'i'),
    4.5,
    'quotes a misspelling',
    MISSPELLINGS,
  ),
];
